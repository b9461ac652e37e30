import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kinds (审批服务 / 违法违规举报 / 建议), attachments by reference, and the digest that makes a repeated delivery idempotent. */
export class ComplaintKinds1764000000510 implements MigrationInterface {
  name = 'ComplaintKinds1764000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints ADD COLUMN kind varchar(20)`);
    // what a caller meant before kinds existed: 审批服务 by its category, a violation report otherwise
    await q.query(`UPDATE complaints SET kind = CASE WHEN category = 'approval-service' THEN 'approval-service' ELSE 'violation-report' END`);
    await q.query(`ALTER TABLE complaints ALTER COLUMN kind SET NOT NULL,
      ADD CONSTRAINT complaints_kind CHECK (kind IN ('approval-service', 'violation-report', 'suggestion')),
      ADD CONSTRAINT complaints_kind_category CHECK ((kind = 'approval-service') <= (category = 'approval-service') AND NOT (kind = 'violation-report' AND category = 'approval-service'))`);
    await q.query(`ALTER TABLE complaints ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
      ADD COLUMN intake_digest char(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints DROP COLUMN intake_digest, DROP COLUMN attachments, DROP COLUMN kind`);
  }
}
