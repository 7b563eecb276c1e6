import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEARNER_GROUPS, MEASURES, QUALITY_FRAMEWORK_2021 } from '@nets/survey/domain';

/** Loads the Quality Framework 2021, the headline measures and the learner-group taxonomy. */
export class SurveyReferenceData1732240000001 implements MigrationInterface {
  name = 'SurveyReferenceData1732240000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const framework = QUALITY_FRAMEWORK_2021;
    await queryRunner.query(
      `INSERT INTO quality_framework_edition (edition, title, published_year, is_current) VALUES ($1, $2, $3, true)`,
      [framework.edition, framework.title, framework.publishedYear],
    );
    let position = 0;
    for (const domain of framework.domains) {
      await queryRunner.query(
        `INSERT INTO quality_domain (edition, number, title, overview) VALUES ($1, $2, $3, $4)`,
        [framework.edition, domain.number, domain.title, domain.overview],
      );
      for (const standard of domain.standards) {
        await queryRunner.query(
          `INSERT INTO quality_standard (edition, code, domain_number, position, statement, descriptors)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
          [
            framework.edition,
            standard.code,
            domain.number,
            position++,
            standard.statement,
            JSON.stringify(standard.descriptors),
          ],
        );
      }
    }
    for (const [index, measure] of MEASURES.entries()) {
      await queryRunner.query(
        `INSERT INTO measure (key, position, title, description, question_code, positive_option_codes, polarity,
           standard_codes, first_year, theme) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          measure.key,
          index,
          measure.title,
          measure.description,
          measure.questionCode,
          [...measure.positiveOptionCodes],
          measure.polarity,
          [...measure.standardCodes],
          measure.firstYear,
          measure.theme,
        ],
      );
    }
    let professionPosition = 0;
    for (const [index, group] of LEARNER_GROUPS.entries()) {
      await queryRunner.query(`INSERT INTO learner_group (code, position, name) VALUES ($1, $2, $3)`, [
        group.code,
        index,
        group.name,
      ]);
      for (const profession of group.professions) {
        await queryRunner.query(
          `INSERT INTO profession (code, learner_group_code, position, name) VALUES ($1, $2, $3, $4)`,
          [profession.code, group.code, professionPosition++, profession.name],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM profession`);
    await queryRunner.query(`DELETE FROM learner_group`);
    await queryRunner.query(`DELETE FROM measure`);
    await queryRunner.query(`DELETE FROM quality_standard WHERE edition = '2021'`);
    await queryRunner.query(`DELETE FROM quality_domain WHERE edition = '2021'`);
    await queryRunner.query(`DELETE FROM quality_framework_edition WHERE edition = '2021'`);
  }
}
