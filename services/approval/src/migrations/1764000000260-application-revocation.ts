import { MigrationInterface, QueryRunner } from 'typeorm';

/** 撤销: an approval can be revoked, with its source and reason. */
export class ApplicationRevocation1764000000260 implements MigrationInterface {
  name = 'ApplicationRevocation1764000000260';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications ADD COLUMN revocation jsonb');
    await q.query('ALTER TABLE applications DROP CONSTRAINT applications_status_check');
    await q.query(`ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN ('accepted', 'approved', 'rejected', 'revoked'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications DROP CONSTRAINT applications_status_check');
    await q.query(`ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN ('accepted', 'approved', 'rejected'))`);
    await q.query('ALTER TABLE applications DROP COLUMN revocation');
  }
}
