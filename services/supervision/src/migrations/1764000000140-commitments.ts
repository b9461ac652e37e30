import { MigrationInterface, QueryRunner } from 'typeorm';

export class Commitments1764000000140 implements MigrationInterface {
  name = 'Commitments1764000000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE commitments (
      id uuid PRIMARY KEY,
      application_id varchar(64) NOT NULL UNIQUE,
      project_code varchar(64) NOT NULL,
      item_code varchar(64) NOT NULL,
      supervising_department_code varchar(64) NOT NULL,
      approving_department_code varchar(64) NOT NULL,
      region_code varchar(32) NOT NULL,
      owner_uscc varchar(18) NOT NULL,
      decided_at timestamptz NOT NULL,
      verification_working_days int NOT NULL CHECK (verification_working_days > 0),
      status varchar(24) NOT NULL CHECK (status IN ('awaiting-verification', 'rectifying', 'fulfilled', 'broken')),
      due_at timestamptz NOT NULL,
      due_provisional boolean NOT NULL DEFAULT false,
      verified_at timestamptz,
      workflow_id varchar(128) NOT NULL,
      checks jsonb NOT NULL DEFAULT '[]',
      ineligible_until timestamptz,
      review_requested_at timestamptz,
      review_reply_due_at timestamptz,
      review_answered_at timestamptz,
      review_answer text,
      review_answered_by varchar(128),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX commitments_supervising_status ON commitments (supervising_department_code, status)`);
    await q.query(`CREATE INDEX commitments_approving ON commitments (approving_department_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE commitments');
  }
}
