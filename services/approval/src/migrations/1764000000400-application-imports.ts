import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 迁移: where an imported application came from. The old system's 办件编号 is the key, so the
 * same application imported twice is refused by the database too, not only by the import's
 * own check (two imports racing each other).
 */
export class ApplicationImports1764000000400 implements MigrationInterface {
  name = 'ApplicationImports1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_imports (
        source_ref varchar(128) PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
        imported_at timestamptz NOT NULL,
        imported_by varchar(128)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE application_imports');
  }
}
