import { MigrationInterface, QueryRunner } from 'typeorm';

/** When an application first passed its deadline undecided (the escalation ladder starts there). */
export class ApplicationOverdue1764000000350 implements MigrationInterface {
  name = 'ApplicationOverdue1764000000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications ADD COLUMN overdue_since timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications DROP COLUMN overdue_since');
  }
}
