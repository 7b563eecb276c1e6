import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context (`traceparent`, `tracestate`) of the request that wrote an outbox row, so the relay
 * publishes the event in the same trace. It names a trace, not a time or a person.
 */
export class OutboxTraceContext1767000000000 implements MigrationInterface {
  name = 'OutboxTraceContext1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "trace_context" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "trace_context"`);
  }
}
