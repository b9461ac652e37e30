import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holiday arrangements under four eyes: every load is a numbered draft until a second,
 * different reform-office user confirms it as the year's next revision; confirmed revisions are
 * kept so an earlier one can be restored. The arrangement in force records who confirmed it and
 * what it restored. Arrangements loaded before this migration become confirmed revisions with
 * no confirmer.
 */
export class CalendarArrangementRevisions1764000000310 implements MigrationInterface {
  name = 'CalendarArrangementRevisions1764000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_arrangement_revisions (
      id uuid PRIMARY KEY,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      draft int NOT NULL CHECK (draft >= 1),
      status varchar(10) NOT NULL CHECK (status IN ('draft', 'confirmed', 'discarded')),
      revision int CHECK (revision >= 1),
      holidays jsonb NOT NULL,
      workdays jsonb NOT NULL,
      source_document varchar(200),
      base_revision int,
      restored_from_revision int,
      proposed_by varchar(100),
      proposed_at timestamptz NOT NULL DEFAULT now(),
      confirmed_by varchar(100),
      confirmed_at timestamptz,
      discarded_by varchar(100),
      discarded_at timestamptz,
      UNIQUE (year, draft),
      UNIQUE (year, revision),
      CHECK ((status = 'confirmed') = (revision IS NOT NULL AND confirmed_at IS NOT NULL)),
      CHECK ((status = 'discarded') = (discarded_at IS NOT NULL)),
      -- 四眼原则: whoever loaded a draft cannot be the one who confirms it
      CHECK (confirmed_by IS NULL OR proposed_by IS NULL OR confirmed_by <> proposed_by)
    )`);
    await q.query("CREATE INDEX calendar_arrangement_revisions_open ON calendar_arrangement_revisions (year) WHERE status = 'draft'");
    await q.query('ALTER TABLE calendar_arrangements ADD COLUMN confirmed_by varchar(100), ADD COLUMN restored_from_revision int');
    await q.query(`INSERT INTO calendar_arrangement_revisions (id, year, draft, status, revision, holidays, workdays, source_document, proposed_by, proposed_at, confirmed_at)
      SELECT gen_random_uuid(), year, revision, 'confirmed', revision, holidays, workdays, source_document, loaded_by, loaded_at, loaded_at FROM calendar_arrangements`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE calendar_arrangements DROP COLUMN restored_from_revision, DROP COLUMN confirmed_by');
    await q.query('DROP TABLE calendar_arrangement_revisions');
  }
}
