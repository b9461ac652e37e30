import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval's own copy of the catalog's approval-item versions (审批事项清单), fed by
 * catalog.item-changed.v1: applications are accepted against it while the catalog or Temporal
 * is down (ADR 0013).
 */
export class ApprovalItemVersions1764000000240 implements MigrationInterface {
  name = 'ApprovalItemVersions1764000000240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE approval_item_versions (
      code varchar(64) NOT NULL,
      region_code varchar(32) NOT NULL,
      version int NOT NULL,
      effective_from date NOT NULL,
      retired boolean NOT NULL DEFAULT false,
      withdrawn boolean NOT NULL DEFAULT false,
      snapshot jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (code, region_code, version)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE approval_item_versions');
  }
}
