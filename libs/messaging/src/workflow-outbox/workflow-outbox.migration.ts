import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow commands (the workflow outbox) and what an operator needs to re-drive a parked
 * event: its envelope and when it was parked.
 */
export class WorkflowOutboxAndParkedEvents1764000000010 implements MigrationInterface {
  name = 'WorkflowOutboxAndParkedEvents1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE workflow_commands (
      seq bigserial PRIMARY KEY,
      key varchar(400) NOT NULL UNIQUE,
      workflow_id varchar(200) NOT NULL,
      kind varchar(16) NOT NULL CHECK (kind IN ('start', 'signal')),
      command jsonb NOT NULL,
      correlation_id varchar(100),
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      outcome varchar(40),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      failed_at timestamptz
    )`);
    await q.query(`CREATE INDEX workflow_commands_pending ON workflow_commands (seq) WHERE delivered_at IS NULL AND failed_at IS NULL`);
    await q.query(`ALTER TABLE inbox_events ADD COLUMN envelope jsonb, ADD COLUMN parked_at timestamptz, ADD COLUMN attempts int NOT NULL DEFAULT 1`);
    await q.query(`CREATE INDEX inbox_events_parked ON inbox_events (parked_at) WHERE failed_error IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX inbox_events_parked');
    await q.query('ALTER TABLE inbox_events DROP COLUMN envelope, DROP COLUMN parked_at, DROP COLUMN attempts');
    await q.query('DROP TABLE workflow_commands');
  }
}
