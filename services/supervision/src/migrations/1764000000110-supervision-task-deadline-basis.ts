import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a deadline was computed from, so it can be computed again when the calendar changes. */
export class SupervisionTaskDeadlineBasis1764000000110 implements MigrationInterface {
  name = 'SupervisionTaskDeadlineBasis1764000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supervision_tasks ADD COLUMN decided_at timestamptz, ADD COLUMN feedback_working_days int`);
    await q.query(`CREATE INDEX supervision_tasks_provisional ON supervision_tasks (due_at) WHERE due_provisional AND status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX supervision_tasks_provisional');
    await q.query('ALTER TABLE supervision_tasks DROP COLUMN decided_at, DROP COLUMN feedback_working_days');
  }
}
