import { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1764000000500 implements MigrationInterface {
  name = 'Complaints1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE complaints (
      id uuid PRIMARY KEY,
      channel varchar(20) NOT NULL CHECK (channel IN ('web', 'hotline', 'mini-program', '12345', 'national-platform')),
      external_ref varchar(64),
      category varchar(32) NOT NULL,
      region_code varchar(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
      department_code varchar(64) NOT NULL,
      subject_uscc varchar(18),
      project_code varchar(64),
      content text NOT NULL,
      anonymous boolean NOT NULL,
      complainant_name varchar(50),
      complainant_phone varchar(20),
      complainant_email varchar(254),
      status varchar(16) NOT NULL CHECK (status IN ('received', 'acknowledged', 'answered')),
      received_at timestamptz NOT NULL,
      acknowledge_due_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      answer_due_at timestamptz NOT NULL,
      answered_at timestamptz,
      answer text,
      due_provisional boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- each step keeps its time, and an answer is never without its text
      CONSTRAINT complaints_acknowledged_has_time CHECK ((status = 'received') = (acknowledged_at IS NULL)),
      CONSTRAINT complaints_answered_has_answer CHECK ((status = 'answered') = (answered_at IS NOT NULL AND answer IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX complaints_department_status ON complaints (department_code, status, received_at DESC)`);
    await q.query(`CREATE INDEX complaints_region_status ON complaints (region_code, status, received_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX complaints_channel_ref ON complaints (channel, external_ref) WHERE external_ref IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE complaints');
  }
}
