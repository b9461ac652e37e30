import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision's copy of the 监管事项清单, fed by catalog.item-changed.v1 (supervision items only):
 * every version with its department, so the 不作为 report knows which items a department had to
 * act under, and an action's item can be checked without calling the catalog.
 */
export class SupervisionItemVersions1764000000173 implements MigrationInterface {
  name = 'SupervisionItemVersions1764000000173';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_item_versions (
      code varchar(64) NOT NULL,
      region_code char(6) NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      name varchar(200) NOT NULL,
      department_code varchar(64) NOT NULL,
      effective_from date NOT NULL,
      retired boolean NOT NULL,
      withdrawn boolean NOT NULL,
      catalog_event_id varchar(100) NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (code, region_code, version)
    )`);
    await q.query(`CREATE INDEX supervision_item_versions_department ON supervision_item_versions (department_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE supervision_item_versions');
  }
}
