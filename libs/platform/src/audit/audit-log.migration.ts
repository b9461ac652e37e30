import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log every service has (added by PlatformModule). */
export class AuditLogTable1764000000050 implements MigrationInterface {
  name = 'AuditLogTable1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      at timestamptz NOT NULL,
      actor_user_id varchar(100) NOT NULL,
      actor_department_code varchar(64),
      action varchar(100) NOT NULL,
      resource_type varchar(64) NOT NULL,
      resource_id varchar(100) NOT NULL,
      before jsonb,
      after jsonb,
      correlation_id varchar(100),
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL
    )`);
    await q.query(`CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_user_id)`);
    await q.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_append_only()');
  }
}
