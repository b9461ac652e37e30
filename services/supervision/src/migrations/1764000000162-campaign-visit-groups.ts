import { MigrationInterface, QueryRunner } from 'typeorm';

/** 部门联合抽查 across campaigns: visits of several departments' campaigns to one subject share a trip (`visit_group`). */
export class CampaignVisitGroups1764000000162 implements MigrationInterface {
  name = 'CampaignVisitGroups1764000000162';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_visits ADD COLUMN visit_group varchar(64)`);
    await q.query(`UPDATE campaign_visits SET visit_group = campaign_id || ':' || uscc`);
    await q.query(`ALTER TABLE campaign_visits ALTER COLUMN visit_group SET NOT NULL`);
    await q.query(`CREATE INDEX campaign_visits_group ON campaign_visits (visit_group)`);
    await q.query(`CREATE INDEX campaign_visits_subject ON campaign_visits (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX campaign_visits_subject');
    await q.query('DROP INDEX campaign_visits_group');
    await q.query('ALTER TABLE campaign_visits DROP COLUMN visit_group');
  }
}
