import { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkflowOutboxAndParkedEvents1764000000010 } from './workflow-outbox/workflow-outbox.migration';
import { TraceContextColumns1764000000020 } from './trace-context.migration';

/** Outbox and inbox tables; every service lists this migration first. */
export class MessagingTables1764000000000 implements MigrationInterface {
  name = 'MessagingTables1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox_events (
      id uuid PRIMARY KEY,
      topic varchar(200) NOT NULL,
      type varchar(200) NOT NULL,
      subject varchar(200) NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts int NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE INDEX outbox_events_unpublished ON outbox_events (created_at) WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE inbox_events (
      consumer varchar(100) NOT NULL,
      event_id varchar(100) NOT NULL,
      type varchar(200) NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      failed_error text,
      PRIMARY KEY (consumer, event_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox_events');
    await q.query('DROP TABLE outbox_events');
  }
}

/** The messaging migrations, in order; every service lists them first. */
export const messagingMigrations = [MessagingTables1764000000000, WorkflowOutboxAndParkedEvents1764000000010, TraceContextColumns1764000000020];
