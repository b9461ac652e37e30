import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks to act on and feed back that do not come from an approval: 风险预警 pushed by the national
 * 互联网+监管 system, 专项检查 from upheld complaints, referrals between departments (告知其他机关).
 * One task per source record: the unique (source, source_ref) is what makes a repeated push or a
 * redelivered event find the task the first one made.
 */
export class InspectionTasks1764000000172 implements MigrationInterface {
  name = 'InspectionTasks1764000000172';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspection_tasks (
      id uuid PRIMARY KEY,
      source varchar(16) NOT NULL CHECK (source IN ('risk-warning', 'complaint', 'referral')),
      source_ref varchar(200) NOT NULL,
      source_digest char(64) NOT NULL,
      department_code varchar(64) NOT NULL,
      region_code char(6) NOT NULL,
      supervision_item_code varchar(64),
      subject_uscc char(18),
      subject_name varchar(200),
      project_code varchar(64),
      title varchar(200) NOT NULL,
      details text NOT NULL,
      requested_by varchar(100) NOT NULL,
      referring_action_id uuid REFERENCES supervision_actions (id),
      status varchar(16) NOT NULL CHECK (status IN ('open', 'overdue', 'closed')),
      due_at timestamptz NOT NULL,
      opened_at timestamptz NOT NULL,
      workflow_id varchar(128) NOT NULL,
      feedback_outcome text,
      feedback_action_id uuid,
      feedback_at timestamptz,
      feedback_by varchar(100),
      overdue_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT inspection_tasks_once_per_source UNIQUE (source, source_ref),
      CONSTRAINT inspection_tasks_closed_with_feedback CHECK ((status = 'closed') = (feedback_at IS NOT NULL)),
      CONSTRAINT inspection_tasks_referral_names_action CHECK ((source = 'referral') = (referring_action_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX inspection_tasks_department_due ON inspection_tasks (department_code, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection_tasks');
  }
}
