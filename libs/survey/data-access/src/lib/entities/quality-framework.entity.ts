import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One edition of the HEE Quality Framework; a new edition supersedes the current one without rewriting it. */
@Entity({ name: 'quality_framework_edition' })
export class QualityFrameworkEditionEntity {
  @PrimaryColumn({ type: 'text' })
  edition!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'published_year', type: 'int' })
  publishedYear!: number;

  @Column({ name: 'is_current', type: 'boolean' })
  isCurrent!: boolean;
}

@Entity({ name: 'quality_domain' })
export class QualityDomainEntity {
  @PrimaryColumn({ type: 'text' })
  edition!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  overview!: string;
}

@Entity({ name: 'quality_standard' })
export class QualityStandardEntity {
  @PrimaryColumn({ type: 'text' })
  edition!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'domain_number', type: 'int' })
  domainNumber!: number;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  statement!: string;

  @Column({ type: 'jsonb' })
  descriptors!: string[];
}
