import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context (traceparent, tracestate) of the span that wrote an outbox event or a
 * workflow command, so the relay that delivers it later continues that trace (ADR 0024). Null
 * when tracing was off; such rows are delivered exactly as before.
 */
export class TraceContextColumns1764000000020 implements MigrationInterface {
  name = 'TraceContextColumns1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events ADD COLUMN trace_parent varchar(55), ADD COLUMN trace_state text`);
    await q.query(`ALTER TABLE workflow_commands ADD COLUMN trace_parent varchar(55), ADD COLUMN trace_state text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workflow_commands DROP COLUMN trace_parent, DROP COLUMN trace_state');
    await q.query('ALTER TABLE outbox_events DROP COLUMN trace_parent, DROP COLUMN trace_state');
  }
}
