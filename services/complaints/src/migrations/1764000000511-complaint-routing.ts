import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing from the catalog (ADR 0020): complaints' event-fed copy of the approval items'
 * departments and of the items projects applied for; how each complaint was routed; transfers
 * (错转) kept as history.
 */
export class ComplaintRouting1764000000511 implements MigrationInterface {
  name = 'ComplaintRouting1764000000511';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE complaint_item_versions (
      code varchar(64) NOT NULL,
      region_code varchar(6) NOT NULL,
      version int NOT NULL,
      effective_from date NOT NULL,
      retired boolean NOT NULL,
      withdrawn boolean NOT NULL,
      implementing_department_code varchar(64) NOT NULL,
      supervising_department_code varchar(64) NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (code, region_code, version)
    )`);
    await q.query(`CREATE TABLE complaint_project_items (
      application_id varchar(64) PRIMARY KEY,
      project_code varchar(64) NOT NULL,
      item_code varchar(64) NOT NULL,
      region_code varchar(6) NOT NULL,
      accepted_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX complaint_project_items_latest ON complaint_project_items (project_code, accepted_at DESC)`);
    // rows received before routing kept the department the caller gave: 'caller'
    await q.query(`ALTER TABLE complaints ADD COLUMN item_code varchar(64),
      ADD COLUMN routed_by varchar(16) NOT NULL DEFAULT 'caller' CHECK (routed_by IN ('item', 'project', 'reform-office', 'caller'))`);
    await q.query(`ALTER TABLE complaints ALTER COLUMN routed_by DROP DEFAULT`);
    await q.query(`CREATE TABLE complaint_transfers (
      id uuid PRIMARY KEY,
      complaint_id uuid NOT NULL REFERENCES complaints (id),
      from_department_code varchar(64) NOT NULL,
      to_department_code varchar(64) NOT NULL CHECK (to_department_code <> from_department_code),
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      transferred_by varchar(128) NOT NULL,
      transferred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX complaint_transfers_complaint ON complaint_transfers (complaint_id, transferred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE complaint_transfers');
    await q.query('ALTER TABLE complaints DROP COLUMN routed_by, DROP COLUMN item_code');
    await q.query('DROP TABLE complaint_project_items');
    await q.query('DROP TABLE complaint_item_versions');
  }
}
