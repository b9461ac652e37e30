import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 监管行为: 行政检查, 行政处罚 and 行政强制 records in the fields of the 互联网+监管 exchange.
 * Kind-specific fields are a jsonb document checked by the model; what reports and exports
 * filter on, and the rules the exchange must never see broken, are columns with constraints.
 */
export class SupervisionActions1764000000170 implements MigrationInterface {
  name = 'SupervisionActions1764000000170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_actions (
      id uuid PRIMARY KEY,
      kind varchar(16) NOT NULL CHECK (kind IN ('check', 'penalty', 'enforcement')),
      department_code varchar(64) NOT NULL,
      supervision_item_code varchar(64) NOT NULL,
      plan_id varchar(64),
      campaign_id varchar(64),
      subject_name varchar(200) NOT NULL,
      subject_uscc char(18) NOT NULL,
      legal_representative varchar(100),
      region_code char(6) NOT NULL,
      acted_at timestamptz NOT NULL,
      document_number varchar(100),
      result varchar(32),
      details jsonb NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('recorded', 'reported')),
      report_due_at timestamptz NOT NULL,
      reported_at timestamptz,
      late boolean,
      overdue_at timestamptz,
      workflow_id varchar(128),
      recorded_at timestamptz NOT NULL,
      recorded_by varchar(100) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT supervision_actions_reported_after_action CHECK (reported_at IS NULL OR reported_at >= acted_at),
      CONSTRAINT supervision_actions_reported_complete CHECK ((status = 'reported') = (reported_at IS NOT NULL AND late IS NOT NULL)),
      CONSTRAINT supervision_actions_decision_numbered CHECK (kind = 'check' OR document_number IS NOT NULL)
    )`);
    // 处罚决定书文号 / 强制决定书文号: one decision, one record
    await q.query(`CREATE UNIQUE INDEX supervision_actions_document_number ON supervision_actions (document_number) WHERE document_number IS NOT NULL`);
    await q.query(`CREATE INDEX supervision_actions_department_acted ON supervision_actions (department_code, acted_at)`);
    await q.query(`CREATE INDEX supervision_actions_reported ON supervision_actions (kind, reported_at) WHERE reported_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE supervision_actions');
  }
}
