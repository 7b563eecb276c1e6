import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'learner_group' })
export class LearnerGroupEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;
}

@Entity({ name: 'profession' })
export class ProfessionEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'learner_group_code', type: 'text' })
  learnerGroupCode!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;
}
