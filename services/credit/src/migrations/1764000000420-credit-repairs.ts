import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditRepairs1764000000420 implements MigrationInterface {
  name = 'CreditRepairs1764000000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE credit_repairs (
      id uuid PRIMARY KEY,
      record_id uuid NOT NULL REFERENCES credit_records (id),
      uscc varchar(18) NOT NULL,
      department_code varchar(64) NOT NULL,
      record_decided_on date NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
      applicant_name varchar(100) NOT NULL,
      correction text NOT NULL,
      evidence jsonb NOT NULL CHECK (jsonb_typeof(evidence) = 'array' AND jsonb_array_length(evidence) > 0),
      applied_at timestamptz NOT NULL,
      applied_by varchar(128) NOT NULL,
      decision_reason text,
      decided_at timestamptz,
      decided_by varchar(128),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'pending') = (decided_at IS NULL))
    )`);
    // one open application per record, even if two desks file at once
    await q.query(`CREATE UNIQUE INDEX credit_repairs_one_pending ON credit_repairs (record_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX credit_repairs_uscc ON credit_repairs (uscc, applied_at DESC)`);
    await q.query(`CREATE INDEX credit_repairs_status ON credit_repairs (status, applied_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE credit_repairs');
  }
}
