import { MigrationInterface, QueryRunner } from 'typeorm';

export class Applications1764000000200 implements MigrationInterface {
  name = 'Applications1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE applications (
      id uuid PRIMARY KEY,
      project_code varchar(64) NOT NULL,
      item_code varchar(64) NOT NULL,
      department_code varchar(64) NOT NULL,
      supervising_department_code varchar(64) NOT NULL,
      region_code varchar(32) NOT NULL,
      owner_uscc varchar(18) NOT NULL,
      on_commitment boolean NOT NULL DEFAULT false,
      supervision_feedback_working_days int NOT NULL CHECK (supervision_feedback_working_days BETWEEN 1 AND 365),
      status varchar(16) NOT NULL CHECK (status IN ('accepted', 'approved', 'rejected')),
      accepted_at timestamptz NOT NULL,
      decided_at timestamptz,
      decision_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX applications_project ON applications (project_code)`);
    await q.query(`CREATE INDEX applications_department_status ON applications (department_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE applications');
  }
}
