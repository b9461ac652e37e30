import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditFromEventsAndGrades1764000000410 implements MigrationInterface {
  name = 'CreditFromEventsAndGrades1764000000410';

  async up(q: QueryRunner): Promise<void> {
    // a record written from another service's event names that event: a redelivery makes no second record
    await q.query(`ALTER TABLE credit_records ADD COLUMN source_event_id varchar(64)`);
    await q.query(`CREATE UNIQUE INDEX credit_records_source_event ON credit_records (source_event_id) WHERE source_event_id IS NOT NULL`);
    await q.query(`CREATE TABLE subject_grades (
      uscc varchar(18) PRIMARY KEY,
      grade char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
      joint_punishment boolean NOT NULL,
      green_channel boolean NOT NULL,
      version int NOT NULL CHECK (version > 0),
      changed_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE subject_grade_changes (
      uscc varchar(18) NOT NULL,
      version int NOT NULL,
      grade_before char(1),
      grade_after char(1) NOT NULL,
      cause_record_id uuid NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (uscc, version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE subject_grade_changes');
    await q.query('DROP TABLE subject_grades');
    await q.query('DROP INDEX credit_records_source_event');
    await q.query('ALTER TABLE credit_records DROP COLUMN source_event_id');
  }
}
