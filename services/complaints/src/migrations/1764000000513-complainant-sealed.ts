import { MigrationInterface, QueryRunner } from 'typeorm';
import { IdentityCipher } from '../privacy/identity-cipher';

/**
 * The complainant's name and contacts sealed at rest (AES-256-GCM, key id per row; ADR 0020):
 * the rows received before are sealed here with the configured write key, then the clear
 * columns are dropped — no clear copy is left behind.
 */
export class ComplainantSealed1764000000513 implements MigrationInterface {
  name = 'ComplainantSealed1764000000513';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints ADD COLUMN complainant_sealed text, ADD COLUMN complainant_key_id varchar(32)`);
    const cipher = IdentityCipher.fromEnv();
    const rows: { id: string; name: string | null; phone: string | null; email: string | null }[] = await q.query(
      `SELECT id, complainant_name AS name, complainant_phone AS phone, complainant_email AS email FROM complaints WHERE NOT anonymous`,
    );
    for (const row of rows) {
      const { keyId, sealed } = cipher.seal(row.id, { name: row.name, phone: row.phone, email: row.email });
      await q.query(`UPDATE complaints SET complainant_sealed = $2, complainant_key_id = $3 WHERE id = $1`, [row.id, sealed, keyId]);
    }
    await q.query(`ALTER TABLE complaints DROP COLUMN complainant_name, DROP COLUMN complainant_phone, DROP COLUMN complainant_email,
      ADD CONSTRAINT complaints_complainant_sealed CHECK (anonymous = (complainant_sealed IS NULL) AND (complainant_sealed IS NULL) = (complainant_key_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the clear columns come back empty: opening the identities needs the keys, which a migration down should not hold
    await q.query(`ALTER TABLE complaints DROP CONSTRAINT complaints_complainant_sealed, DROP COLUMN complainant_key_id, DROP COLUMN complainant_sealed,
      ADD COLUMN complainant_name varchar(50), ADD COLUMN complainant_phone varchar(20), ADD COLUMN complainant_email varchar(254)`);
  }
}
