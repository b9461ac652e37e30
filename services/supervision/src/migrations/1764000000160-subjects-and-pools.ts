import { MigrationInterface, QueryRunner } from 'typeorm';

/** 监管对象库 and the 执法人员库 / 专家库. */
export class SubjectsAndPools1764000000160 implements MigrationInterface {
  name = 'SubjectsAndPools1764000000160';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervised_subjects (
      uscc varchar(18) PRIMARY KEY,
      name varchar(200),
      region_code varchar(12) NOT NULL,
      industry varchar(64),
      risk_level varchar(8) NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
      credit_grade varchar(1) CHECK (credit_grade IN ('A', 'B', 'C', 'D')),
      credit_grade_version int NOT NULL DEFAULT 0,
      credit_grade_changed_at timestamptz,
      sources jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX supervised_subjects_region ON supervised_subjects (region_code, risk_level)`);
    await q.query(`CREATE TABLE pool_members (
      id uuid PRIMARY KEY,
      kind varchar(16) NOT NULL CHECK (kind IN ('inspector', 'expert')),
      name varchar(100) NOT NULL,
      department_code varchar(64),
      region_code varchar(12) NOT NULL,
      certificate_number varchar(64) NOT NULL,
      specialties jsonb NOT NULL DEFAULT '[]',
      employer_uscc varchar(18),
      relatives jsonb NOT NULL DEFAULT '[]',
      registered_at timestamptz NOT NULL,
      registered_by varchar(128) NOT NULL,
      UNIQUE (kind, certificate_number),
      CHECK (kind = 'expert' OR department_code IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX pool_members_department ON pool_members (kind, department_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pool_members');
    await q.query('DROP TABLE supervised_subjects');
  }
}
