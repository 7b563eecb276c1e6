import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One wide counter row per fine cell (arrays indexed by per-cycle slots) instead of one row per series and
 * per reason option, so a response is one upsert row; and the ids of folded responses, so a response
 * re-emitted under a new event id is not counted twice. Existing counters move to the new layout (responses
 * folded before this migration are not in `analytics_folded_response`: their ids were never kept).
 */
export class AnalyticsWideCounters1765040000000 implements MigrationInterface {
  name = 'AnalyticsWideCounters1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_cell_counter" ("year" integer NOT NULL, "organisation_id" uuid NOT NULL, "site_id" text NOT NULL, "profession" text NOT NULL, "region" text NOT NULL, "learner_group" text NOT NULL, "respondents" integer array NOT NULL, "positive" integer array NOT NULL, CONSTRAINT "PK_306d84b1f7e49cb05719151937e" PRIMARY KEY ("year", "organisation_id", "site_id", "profession"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_slot" ("year" integer NOT NULL, "key" text NOT NULL, "idx" integer NOT NULL, CONSTRAINT "PK_b595131aaa0df5e0e97c6b86e9f" PRIMARY KEY ("year", "key"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_analytics_slot_year_idx" ON "analytics_slot"  ("year", "idx") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_folded_response" ("response_id" uuid NOT NULL, CONSTRAINT "PK_e4d5df3b1cbe5b31e7c83aeaec5" PRIMARY KEY ("response_id"))`,
    );
    await queryRunner.query(
      `CREATE TEMPORARY TABLE analytics_contribution ON COMMIT DROP AS
         SELECT year, series AS key, organisation_id, site_id, profession, region, learner_group, respondents, positive
         FROM analytics_counter
         UNION ALL
         SELECT year, 'option:' || question_code || ':' || option_code, organisation_id, site_id, profession, region,
                learner_group, chosen, 0
         FROM analytics_reason_counter`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_slot (year, key, idx)
       SELECT year, key, row_number() OVER (PARTITION BY year ORDER BY key)
       FROM (SELECT DISTINCT year, key FROM analytics_contribution) AS k`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_cell_counter
         (year, organisation_id, site_id, profession, region, learner_group, respondents, positive)
       SELECT c.year, c.organisation_id, c.site_id, c.profession, max(c.region), max(c.learner_group),
              array_agg(coalesce(x.respondents, 0) ORDER BY s.idx), array_agg(coalesce(x.positive, 0) ORDER BY s.idx)
       FROM (SELECT DISTINCT year, organisation_id, site_id, profession, region, learner_group
             FROM analytics_contribution) AS c
       JOIN analytics_slot s ON s.year = c.year
       LEFT JOIN analytics_contribution x
         ON x.year = c.year AND x.key = s.key AND x.organisation_id = c.organisation_id
        AND x.site_id = c.site_id AND x.profession = c.profession
       GROUP BY c.year, c.organisation_id, c.site_id, c.profession`,
    );
    await queryRunner.query(`DROP TABLE "analytics_reason_counter"`);
    await queryRunner.query(`DROP TABLE "analytics_counter"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_counter" ("year" integer NOT NULL, "series" text NOT NULL, "organisation_id" uuid NOT NULL, "site_id" text NOT NULL, "profession" text NOT NULL, "region" text NOT NULL, "learner_group" text NOT NULL, "respondents" integer NOT NULL, "positive" integer NOT NULL, CONSTRAINT "PK_2429dccf6c7cb20705c8cd98224" PRIMARY KEY ("year", "series", "organisation_id", "site_id", "profession"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_reason_counter" ("year" integer NOT NULL, "question_code" text NOT NULL, "organisation_id" uuid NOT NULL, "site_id" text NOT NULL, "profession" text NOT NULL, "option_code" text NOT NULL, "region" text NOT NULL, "learner_group" text NOT NULL, "chosen" integer NOT NULL, CONSTRAINT "PK_afa1fac850a9c4f6ecede339fbd" PRIMARY KEY ("year", "question_code", "organisation_id", "site_id", "profession", "option_code"))`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_counter
       SELECT c.year, s.key, c.organisation_id, c.site_id, c.profession, c.region, c.learner_group,
              coalesce(c.respondents[s.idx], 0), coalesce(c.positive[s.idx], 0)
       FROM analytics_cell_counter c JOIN analytics_slot s ON s.year = c.year
       WHERE s.key NOT LIKE 'option:%' AND coalesce(c.respondents[s.idx], 0) > 0`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_reason_counter
       SELECT c.year, split_part(s.key, ':', 2), c.organisation_id, c.site_id, c.profession,
              substr(s.key, length('option:' || split_part(s.key, ':', 2) || ':') + 1),
              c.region, c.learner_group, c.respondents[s.idx]
       FROM analytics_cell_counter c JOIN analytics_slot s ON s.year = c.year
       WHERE s.key LIKE 'option:%' AND coalesce(c.respondents[s.idx], 0) > 0`,
    );
    await queryRunner.query(`DROP TABLE "analytics_folded_response"`);
    await queryRunner.query(`DROP INDEX "UQ_analytics_slot_year_idx"`);
    await queryRunner.query(`DROP TABLE "analytics_slot"`);
    await queryRunner.query(`DROP TABLE "analytics_cell_counter"`);
  }
}
