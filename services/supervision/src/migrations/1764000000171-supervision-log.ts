import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 监管日志: every step of a supervision action, numbered per action, append-only like the audit
 * log — a trigger refuses UPDATE, DELETE and TRUNCATE, so not even the service's own user can
 * rewrite what an inspector recorded (监管过程全记录).
 */
export class SupervisionLog1764000000171 implements MigrationInterface {
  name = 'SupervisionLog1764000000171';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_log_entries (
      id uuid PRIMARY KEY,
      action_id uuid NOT NULL REFERENCES supervision_actions (id),
      seq int NOT NULL CHECK (seq >= 1),
      step varchar(32) NOT NULL,
      at timestamptz NOT NULL,
      note text,
      actor_user_id varchar(100) NOT NULL,
      actor_department_code varchar(64),
      attachments jsonb NOT NULL DEFAULT '[]',
      recorded_at timestamptz NOT NULL,
      CONSTRAINT supervision_log_entries_seq_once UNIQUE (action_id, seq),
      CONSTRAINT supervision_log_entries_attachments_list CHECK (jsonb_typeof(attachments) = 'array')
    )`);
    await q.query(`CREATE FUNCTION supervision_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'supervision_log_entries is append-only: % refused', TG_OP; END $$`);
    await q.query(
      `CREATE TRIGGER supervision_log_no_change BEFORE UPDATE OR DELETE ON supervision_log_entries FOR EACH ROW EXECUTE FUNCTION supervision_log_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER supervision_log_no_truncate BEFORE TRUNCATE ON supervision_log_entries FOR EACH STATEMENT EXECUTE FUNCTION supervision_log_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE supervision_log_entries');
    await q.query('DROP FUNCTION supervision_log_append_only()');
  }
}
