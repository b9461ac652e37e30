import { MigrationInterface, QueryRunner } from 'typeorm';

/** 双随机 campaigns, their visits (one per drawn subject, a check slot per department) and the inputs each draw ran on. */
export class Campaigns1764000000161 implements MigrationInterface {
  name = 'Campaigns1764000000161';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaigns (
      id uuid PRIMARY KEY,
      title varchar(200) NOT NULL,
      department_code varchar(64) NOT NULL,
      region_code varchar(12) NOT NULL,
      participating_department_codes jsonb NOT NULL,
      scope jsonb NOT NULL,
      base_ratio double precision NOT NULL CHECK (base_ratio > 0 AND base_ratio <= 1),
      grade_weights jsonb NOT NULL,
      risk_weights jsonb NOT NULL,
      inspectors_per_check int NOT NULL CHECK (inspectors_per_check BETWEEN 1 AND 10),
      expert_required boolean NOT NULL,
      recusal_period_days int NOT NULL CHECK (recusal_period_days >= 0),
      results_working_days int NOT NULL CHECK (results_working_days > 0),
      publication_working_days int NOT NULL CHECK (publication_working_days > 0),
      status varchar(16) NOT NULL CHECK (status IN ('announced', 'checking', 'results-in', 'published')),
      seed varchar(64) NOT NULL,
      seed_commitment varchar(64) NOT NULL,
      announced_at timestamptz NOT NULL,
      announced_by varchar(128) NOT NULL,
      drawn_at timestamptz,
      results_due_at timestamptz,
      publish_due_at timestamptz,
      population int,
      expected_size double precision,
      visit_count int NOT NULL DEFAULT 0,
      check_count int NOT NULL DEFAULT 0,
      checks_recorded int NOT NULL DEFAULT 0 CHECK (checks_recorded <= check_count),
      shortfalls jsonb NOT NULL DEFAULT '[]',
      results_in_at timestamptz,
      published_at timestamptz,
      workflow_id varchar(128) NOT NULL
    )`);
    await q.query(`CREATE INDEX campaigns_department ON campaigns (department_code, status)`);
    await q.query(`CREATE TABLE campaign_visits (
      campaign_id uuid NOT NULL REFERENCES campaigns (id),
      uscc varchar(18) NOT NULL,
      inclusion_probability double precision NOT NULL,
      u double precision NOT NULL,
      expert_ids jsonb NOT NULL,
      checks jsonb NOT NULL,
      drawn_at timestamptz NOT NULL,
      PRIMARY KEY (campaign_id, uscc)
    )`);
    await q.query(`CREATE INDEX campaign_visits_drawn ON campaign_visits (drawn_at)`);
    await q.query(`CREATE TABLE campaign_draw_inputs (
      campaign_id uuid PRIMARY KEY REFERENCES campaigns (id),
      inputs jsonb NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_draw_inputs');
    await q.query('DROP TABLE campaign_visits');
    await q.query('DROP TABLE campaigns');
  }
}
