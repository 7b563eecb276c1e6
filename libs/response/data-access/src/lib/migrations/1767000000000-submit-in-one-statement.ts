import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `response_submit(...)`: the whole submit transaction in one statement, so a learner's submission costs one
 * round trip to PostgreSQL. It claims the idempotency key (false when another submission holds it, and then
 * writes nothing), stores the response, its answers and its comments, and appends the outbox rows as
 * `outboxRowOf` of @nets/shared/data-access-typeorm gives them (the columns and defaults `appendToOutbox` writes).
 *
 * A comment takes the cycle's feedback lock shared (1852142694 is `FEEDBACK_RELEASE_LOCK`) before it reads
 * whether the cycle is frozen: PL/pgSQL statements of a VOLATILE function each take a fresh snapshot in READ
 * COMMITTED, so a release that committed while this waited for the lock is seen and the comment is late,
 * exactly as with separate statements.
 */
export class SubmitInOneStatement1767000000000 implements MigrationInterface {
  name = 'SubmitInOneStatement1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION response_submit(p_submission jsonb, p_response jsonb, p_answers jsonb, p_comments jsonb,
        p_outbox jsonb) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $fn$
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
          submitted_on, imported)
        VALUES (r.id, r.cycle_year, r.questionnaire_id, r.questionnaire_version, r.organisation_id, r.site_id,
          r.region, r.learner_group, r.profession, r.programme, r.year_of_training, r.specialty, r.placement_start,
          r.placement_end, r.submitted_on, r.imported);
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
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION response_submit(jsonb, jsonb, jsonb, jsonb, jsonb)`);
  }
}
