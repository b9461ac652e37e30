import { MigrationInterface, QueryRunner } from 'typeorm';

/** 审管联动 both ways: the supervising department's feedback shown on the application. */
export class ApplicationSupervisionFeedback1764000000250 implements MigrationInterface {
  name = 'ApplicationSupervisionFeedback1764000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications ADD COLUMN supervision_feedback jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applications DROP COLUMN supervision_feedback');
  }
}
