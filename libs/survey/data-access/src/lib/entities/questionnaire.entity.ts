import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { QuestionnaireContent } from '@nets/survey/contract-events';

@Entity({ name: 'questionnaire' })
@Index('questionnaire_year_version_idx', ['year', 'version'], { unique: true })
@Index('questionnaire_one_draft_idx', ['year'], { unique: true, where: `status = 'DRAFT'` })
export class QuestionnaireEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Assigned on publication; a draft has none. */
  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @Column({ type: 'text' })
  status!: 'DRAFT' | 'PUBLISHED';

  @Column({ type: 'jsonb' })
  content!: QuestionnaireContent;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;
}
