import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log as AUDIT_CHAINS hash chains instead of one (ADR 0031): every entry keeps its
 * chain's number; entries written before belong to chain 0, whose next entry links to them.
 * `audit_log_append` appends one entry in one round trip: it takes its chain's lock, reads the
 * chain's head with a fresh snapshot (a volatile function's statements each take one), and
 * inserts the entry with SHA-256(previous hash | body), the same hash `auditHash` computes.
 */
export class AuditLogChains1764000000051 implements MigrationInterface {
  name = 'AuditLogChains1764000000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX audit_log_chain_head ON audit_log (chain, seq DESC)`);
    await q.query(`CREATE FUNCTION audit_log_append(
        p_chain smallint, p_id uuid, p_at timestamptz, p_actor_user_id varchar, p_actor_department_code varchar,
        p_action varchar, p_resource_type varchar, p_resource_id varchar, p_before jsonb, p_after jsonb,
        p_correlation_id varchar, p_body text)
      RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        previous text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'), p_chain);
        SELECT hash INTO previous FROM audit_log WHERE chain = p_chain ORDER BY seq DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        INSERT INTO audit_log (chain, id, at, actor_user_id, actor_department_code, action, resource_type, resource_id,
                               before, after, correlation_id, prev_hash, hash)
        VALUES (p_chain, p_id, p_at, p_actor_user_id, p_actor_department_code, p_action, p_resource_type, p_resource_id,
                p_before, p_after, p_correlation_id, previous,
                encode(sha256(convert_to(previous || '|' || p_body, 'UTF8')), 'hex'));
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_log_append(smallint, uuid, timestamptz, varchar, varchar, varchar, varchar, varchar, jsonb, jsonb, varchar, text)');
    await q.query('DROP INDEX audit_log_chain_head');
    await q.query('ALTER TABLE audit_log DROP COLUMN chain');
  }
}
