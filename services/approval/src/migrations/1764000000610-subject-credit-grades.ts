import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubjectCreditGrades1764000000610 implements MigrationInterface {
  name = 'SubjectCreditGrades1764000000610';

  async up(q: QueryRunner): Promise<void> {
    // approval's read model of credit's grades (credit.grade-changed.v1): the newest version wins
    await q.query(`CREATE TABLE subject_credit_grades (
      uscc varchar(18) PRIMARY KEY,
      grade char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
      joint_punishment boolean NOT NULL,
      green_channel boolean NOT NULL,
      version int NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE subject_credit_grades');
  }
}
