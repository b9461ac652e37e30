import { MigrationInterface, QueryRunner } from 'typeorm';

/** A permit revoked (撤销) withdraws its publication, pending or published. */
export class CreditPublicationWithdrawal1764000000441 implements MigrationInterface {
  name = 'CreditPublicationWithdrawal1764000000441';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publications
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_reason text,
      DROP CONSTRAINT publications_status_check,
      DROP CONSTRAINT publications_check1,
      ADD CONSTRAINT publications_status_check CHECK (status IN ('pending', 'published', 'withdrawn')),
      ADD CONSTRAINT publications_published_at CHECK (status <> 'published' OR published_at IS NOT NULL),
      ADD CONSTRAINT publications_pending_unpublished CHECK (status <> 'pending' OR published_at IS NULL),
      ADD CONSTRAINT publications_withdrawn_at CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM publications WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE publications
      DROP CONSTRAINT publications_withdrawn_at,
      DROP CONSTRAINT publications_pending_unpublished,
      DROP CONSTRAINT publications_published_at,
      DROP CONSTRAINT publications_status_check,
      ADD CONSTRAINT publications_status_check CHECK (status IN ('pending', 'published')),
      ADD CONSTRAINT publications_check1 CHECK ((status = 'published') = (published_at IS NOT NULL)),
      DROP COLUMN withdrawn_reason,
      DROP COLUMN withdrawn_at`);
  }
}
