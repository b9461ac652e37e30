import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionTasks1764000000100 implements MigrationInterface {
  name = 'SupervisionTasks1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_tasks (
      id uuid PRIMARY KEY,
      application_id varchar(64) NOT NULL UNIQUE,
      project_code varchar(64) NOT NULL,
      item_code varchar(64) NOT NULL,
      department_code varchar(64) NOT NULL,
      approving_department_code varchar(64) NOT NULL,
      region_code varchar(32) NOT NULL,
      owner_uscc varchar(18) NOT NULL,
      decision varchar(16) NOT NULL,
      on_commitment boolean NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('open', 'overdue', 'closed')),
      due_at timestamptz NOT NULL,
      due_provisional boolean NOT NULL DEFAULT false,
      workflow_id varchar(128) NOT NULL,
      feedback_outcome text,
      feedback_at timestamptz,
      overdue_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX supervision_tasks_department_status ON supervision_tasks (department_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE supervision_tasks');
  }
}
