import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Include in a service's migrations together with REPLICA_ENTITIES in its entities. */
export class ReplicaTables1732250000000 implements MigrationInterface {
  name = 'ReplicaTables1732250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_replica" ("id" uuid NOT NULL, "ods_code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "roles" text array NOT NULL, "region" text NOT NULL, "status" text NOT NULL, "successor_id" uuid, "sites" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ec0107a17017ff3ea956d2a277" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "questionnaire_replica" ("id" uuid NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "published" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7022261fc29861fd9ce18b19614" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_cycle_replica" ("year" integer NOT NULL, "status" text NOT NULL, "questionnaire_id" uuid, "closes_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9429db6d592e1c119b2eae51a70" PRIMARY KEY ("year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "survey_cycle_replica"`);
    await queryRunner.query(`DROP TABLE "questionnaire_replica"`);
    await queryRunner.query(`DROP TABLE "organisation_replica"`);
  }
}
