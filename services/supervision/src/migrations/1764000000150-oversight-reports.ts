import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 工改办's oversight reports (monthly 通报, quarterly 督查评分): one row per kind and period,
 * the figures as stored (jsonb), the PDF rendered from them with its SHA-256, and the seed and
 * size of the random sample of finished applications, so the draw can be re-run.
 */
export class OversightReports1764000000150 implements MigrationInterface {
  name = 'OversightReports1764000000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE oversight_reports (
      id uuid PRIMARY KEY,
      kind varchar(16) NOT NULL CHECK (kind IN ('monthly', 'quarterly')),
      period varchar(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
      period_from timestamptz NOT NULL,
      period_to timestamptz NOT NULL CHECK (period_to > period_from),
      generated_at timestamptz NOT NULL,
      workflow_id varchar(200) NOT NULL,
      content jsonb NOT NULL,
      sample_seed bigint CHECK (sample_seed BETWEEN 0 AND 4294967295),
      sample_size int CHECK (sample_size >= 1),
      pdf bytea NOT NULL,
      pdf_sha256 char(64) NOT NULL,
      CONSTRAINT oversight_reports_once_per_period UNIQUE (kind, period)
    )`);
    await q.query(`CREATE INDEX oversight_reports_period ON oversight_reports (period_from DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE oversight_reports');
  }
}
