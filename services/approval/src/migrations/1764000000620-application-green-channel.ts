import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationGreenChannel1764000000620 implements MigrationInterface {
  name = 'ApplicationGreenChannel1764000000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN green_channel boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications DROP COLUMN green_channel');
  }
}
