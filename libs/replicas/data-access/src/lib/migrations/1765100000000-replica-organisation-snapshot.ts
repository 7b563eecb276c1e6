import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation replica keeps the published snapshot (jsonb) instead of a copy of every column of the
 * registry's own table; `sites` stays a column of its own.
 */
export class ReplicaOrganisationSnapshot1765100000000 implements MigrationInterface {
  name = 'ReplicaOrganisationSnapshot1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation_replica" ADD "organisation" jsonb`);
    await queryRunner.query(
      `UPDATE "organisation_replica" SET "organisation" = jsonb_build_object('id', "id", 'odsCode', "ods_code",
         'name', "name", 'kind', "kind", 'roles', to_jsonb("roles"), 'region', "region", 'status', "status",
         'successorId', "successor_id")`,
    );
    await queryRunner.query(`ALTER TABLE "organisation_replica" ALTER COLUMN "organisation" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "organisation_replica" DROP COLUMN "ods_code", DROP COLUMN "name", DROP COLUMN "kind",
         DROP COLUMN "roles", DROP COLUMN "region", DROP COLUMN "status", DROP COLUMN "successor_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_replica" ADD "ods_code" text, ADD "name" text, ADD "kind" text,
         ADD "roles" text array, ADD "region" text, ADD "status" text, ADD "successor_id" uuid`,
    );
    await queryRunner.query(
      `UPDATE "organisation_replica" SET "ods_code" = "organisation"->>'odsCode', "name" = "organisation"->>'name',
         "kind" = "organisation"->>'kind',
         "roles" = ARRAY(SELECT jsonb_array_elements_text("organisation"->'roles')),
         "region" = "organisation"->>'region', "status" = "organisation"->>'status',
         "successor_id" = ("organisation"->>'successorId')::uuid`,
    );
    for (const column of ['ods_code', 'name', 'kind', 'roles', 'region', 'status']) {
      await queryRunner.query(`ALTER TABLE "organisation_replica" ALTER COLUMN "${column}" SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE "organisation_replica" DROP COLUMN "organisation"`);
  }
}
