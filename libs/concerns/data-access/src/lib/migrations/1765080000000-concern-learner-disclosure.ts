import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learner-originated concerns: whether the learner agreed to be identified to the provider, and readable
 * references drawn at random instead of from a per-year counter (a counter orders concerns in time, so a
 * learner's concern could be placed between two whose times a provider or a public topic shows).
 */
export class ConcernLearnerDisclosure1765080000000 implements MigrationInterface {
  name = 'ConcernLearnerDisclosure1765080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "concern" ADD "learner_identifiable" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`DROP TABLE "concern_reference_sequence"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "concern_reference_sequence" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_4a996e28df698fe3fcc0da93b5a" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(`ALTER TABLE "concern" DROP COLUMN "learner_identifiable"`);
  }
}
