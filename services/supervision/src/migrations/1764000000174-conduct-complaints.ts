import { MigrationInterface, QueryRunner } from 'typeorm';

/** 投诉举报 about a department's own conduct found substantiated: counted in its monthly 通报. */
export class ConductComplaints1764000000174 implements MigrationInterface {
  name = 'ConductComplaints1764000000174';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE conduct_complaints (
      complaint_id varchar(64) PRIMARY KEY,
      department_code varchar(64) NOT NULL,
      region_code varchar(6) NOT NULL,
      upheld_at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX conduct_complaints_period ON conduct_complaints (upheld_at, department_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE conduct_complaints');
  }
}
