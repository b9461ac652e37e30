import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 联合审图/联合验收: an application's participating departments and their opinions, as one jsonb
 * array; participants read the application and count it in their reports, so their lists find it
 * by containment (`joint_review @> '[{"departmentCode": …}]'`) through a GIN index.
 */
export class ApplicationJointReview1764000000500 implements MigrationInterface {
  name = 'ApplicationJointReview1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN joint_review jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(joint_review) = 'array')`);
    await q.query('CREATE INDEX applications_joint_review ON applications USING gin (joint_review jsonb_path_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX applications_joint_review');
    await q.query('ALTER TABLE applications DROP COLUMN joint_review');
  }
}
