import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application records the statutory terms of its catalog item version at acceptance, and its
 * clock-stops. Applications accepted before have no terms (null) and no timing.
 */
export class ApplicationTermsAndClockStops1764000000230 implements MigrationInterface {
  name = 'ApplicationTermsAndClockStops1764000000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications
      ADD COLUMN terms jsonb,
      ADD COLUMN clock_stops jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN illegal_clock_stop_attempts int NOT NULL DEFAULT 0 CHECK (illegal_clock_stop_attempts >= 0)`);
    await q.query(`CREATE INDEX applications_illegal_clock_stops ON applications (department_code) WHERE illegal_clock_stop_attempts > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX applications_illegal_clock_stops');
    await q.query('ALTER TABLE applications DROP COLUMN terms, DROP COLUMN clock_stops, DROP COLUMN illegal_clock_stop_attempts');
  }
}
