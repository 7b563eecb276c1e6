import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learner's education provider (a registry organisation) and programme code, both optional. The
 * one-statement submit function is redefined to store them (it reads the row with `jsonb_populate_record`, so
 * the new columns only need naming in its INSERT).
 */
export class EducationProvider1767100000000 implements MigrationInterface {
  name = 'EducationProvider1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE response ADD COLUMN education_provider_id uuid, ADD COLUMN programme_code text`,
    );
    await queryRunner.query(submitFunction(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(submitFunction(false));
    await queryRunner.query(
      `ALTER TABLE response DROP COLUMN education_provider_id, DROP COLUMN programme_code`,
    );
  }
}

function submitFunction(withEducation: boolean): string {
  const columns = withEducation ? ', education_provider_id, programme_code' : '';
  const values = withEducation ? ', r.education_provider_id, r.programme_code' : '';
  return `
      CREATE OR REPLACE FUNCTION response_submit(p_submission jsonb, p_response jsonb, p_answers jsonb,
        p_comments jsonb, p_outbox jsonb) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        r response;
      BEGIN
        INSERT INTO response_submission (idempotency_key, request_hash, response_id, receipt_code)
        VALUES (p_submission->>'idempotency_key', p_submission->>'request_hash',
          (p_submission->>'response_id')::uuid, p_submission->>'receipt_code')
        ON CONFLICT (idempotency_key) DO NOTHING;
        IF NOT FOUND THEN
          RETURN false;
        END IF;
        r := jsonb_populate_record(NULL::response, p_response);
        INSERT INTO response (id, cycle_year, questionnaire_id, questionnaire_version, organisation_id, site_id,
          region, learner_group, profession, programme, year_of_training, specialty, placement_start, placement_end,
          submitted_on, imported${columns})
        VALUES (r.id, r.cycle_year, r.questionnaire_id, r.questionnaire_version, r.organisation_id, r.site_id,
          r.region, r.learner_group, r.profession, r.programme, r.year_of_training, r.specialty, r.placement_start,
          r.placement_end, r.submitted_on, r.imported${values});
        INSERT INTO response_answer (response_id, question_code, option_codes)
        SELECT r.id, a.question_code, ARRAY(SELECT jsonb_array_elements_text(a.option_codes))
        FROM jsonb_to_recordset(p_answers) AS a(question_code text, option_codes jsonb);
        IF jsonb_array_length(p_comments) > 0 THEN
          PERFORM pg_advisory_xact_lock_shared(1852142694, r.cycle_year);
          INSERT INTO response_comment (id, response_id, organisation_id, region, cycle_year, question_code,
            original_text, redacted_text, status, review_reasons, late)
          SELECT c.id, r.id, r.organisation_id, r.region, r.cycle_year, c.question_code, c.original_text,
            c.redacted_text, c.status, c.review_reasons,
            EXISTS (SELECT 1 FROM feedback_release WHERE year = r.cycle_year)
          FROM jsonb_to_recordset(p_comments)
            AS c(id uuid, question_code text, original_text text, redacted_text text, status text,
              review_reasons jsonb);
        END IF;
        INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, created_at, retain_sent,
          trace_context)
        SELECT (o->>'event_id')::uuid, o->>'topic', o->>'message_key', o->>'event_type', o->'payload',
          COALESCE((o->>'created_at')::timestamptz, now()), COALESCE((o->>'retain_sent')::boolean, true),
          NULLIF(o->'trace_context', 'null'::jsonb)
        FROM jsonb_array_elements(p_outbox) AS o;
        RETURN true;
      END
      $fn$`;
}
