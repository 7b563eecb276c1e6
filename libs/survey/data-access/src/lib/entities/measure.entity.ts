import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'measure' })
export class MeasureEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'question_code', type: 'text' })
  questionCode!: string;

  @Column({ name: 'positive_option_codes', type: 'text', array: true })
  positiveOptionCodes!: string[];

  @Column({ type: 'text' })
  polarity!: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

  @Column({ name: 'standard_codes', type: 'text', array: true })
  standardCodes!: string[];

  @Column({ name: 'first_year', type: 'int' })
  firstYear!: number;

  @Column({ type: 'text' })
  theme!: string;
}
