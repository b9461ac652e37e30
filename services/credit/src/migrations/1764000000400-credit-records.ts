import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditRecords1764000000400 implements MigrationInterface {
  name = 'CreditRecords1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE credit_records (
      id uuid PRIMARY KEY,
      uscc varchar(18) NOT NULL,
      kind varchar(8) NOT NULL CHECK (kind IN ('good', 'bad')),
      severity varchar(8) CHECK (severity IN ('minor', 'serious', 'severe')),
      source_type varchar(16) NOT NULL CHECK (source_type IN ('approval', 'supervision', 'complaint', 'commitment')),
      source_department_code varchar(64) NOT NULL,
      source_ref varchar(128),
      reason text NOT NULL,
      decided_on date NOT NULL,
      expires_on date NOT NULL,
      repaired boolean NOT NULL DEFAULT false,
      repaired_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- a 失信 record always has a severity, a 守信 record never does
      CONSTRAINT credit_records_severity_matches_kind CHECK ((kind = 'bad') = (severity IS NOT NULL)),
      CONSTRAINT credit_records_expiry_after_decision CHECK (expires_on >= decided_on)
    )`);
    // grading reads a subject's unexpired records
    await q.query(`CREATE INDEX credit_records_subject ON credit_records (uscc, expires_on)`);
    await q.query(
      `CREATE UNIQUE INDEX credit_records_source ON credit_records (uscc, source_type, source_department_code, source_ref) WHERE source_ref IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE credit_records');
  }
}
