import { MigrationInterface, QueryRunner } from 'typeorm';

export class CommitmentEligibility1764000000600 implements MigrationInterface {
  name = 'CommitmentEligibility1764000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE commitment_eligibility_cancellations (
      id uuid PRIMARY KEY,
      owner_uscc varchar(18) NOT NULL,
      commitment_id varchar(64) NOT NULL UNIQUE,
      application_id varchar(64) NOT NULL,
      reason text NOT NULL,
      cancelled_at timestamptz NOT NULL,
      until timestamptz NOT NULL CHECK (until > cancelled_at)
    )`);
    await q.query(`CREATE INDEX commitment_eligibility_cancellations_subject ON commitment_eligibility_cancellations (owner_uscc, until)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE commitment_eligibility_cancellations');
  }
}
