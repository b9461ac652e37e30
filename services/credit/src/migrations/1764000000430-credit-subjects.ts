import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditSubjects1764000000430 implements MigrationInterface {
  name = 'CreditSubjects1764000000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE subjects (
      uscc varchar(18) PRIMARY KEY,
      kind varchar(24) NOT NULL CHECK (kind IN ('enterprise', 'institution', 'social-organisation', 'other')),
      name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
      legal_representative varchar(100),
      region_code varchar(6) CHECK (region_code ~ '^[0-9]{6}$'),
      info_as_of timestamptz NOT NULL,
      info_source varchar(8) NOT NULL CHECK (info_source IN ('api', 'event')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE practitioners (
      certificate_number varchar(32) PRIMARY KEY,
      name varchar(50) NOT NULL,
      qualification varchar(50) NOT NULL,
      employer_uscc varchar(18) NOT NULL REFERENCES subjects (uscc),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX practitioners_employer ON practitioners (employer_uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE practitioners');
    await q.query('DROP TABLE subjects');
  }
}
