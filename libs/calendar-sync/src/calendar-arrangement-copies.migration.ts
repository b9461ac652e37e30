import { MigrationInterface, QueryRunner } from 'typeorm';

/** The arrangements table of every service that computes working-day deadlines. */
export class CalendarArrangementCopies1764000000060 implements MigrationInterface {
  name = 'CalendarArrangementCopies1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_arrangements (
      year int PRIMARY KEY,
      revision int NOT NULL,
      arrangement jsonb NOT NULL,
      loaded_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_arrangements');
  }
}
