import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger of the escalation ladder: one row per rung fired, claimed by its unique key. The
 * letter a rung issued is inserted after its claim in the same transaction, hence the deferred
 * foreign key.
 */
export class EscalationSteps1764000000130 implements MigrationInterface {
  name = 'EscalationSteps1764000000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE escalation_steps (
      id uuid PRIMARY KEY,
      claim_key varchar(200) NOT NULL UNIQUE,
      step varchar(8) NOT NULL CHECK (step IN ('预警', '提醒函', '督办函', '通报')),
      obligation_kind varchar(32) NOT NULL,
      obligation_id varchar(128) NOT NULL,
      obligation_title varchar(500) NOT NULL,
      department_code varchar(64) NOT NULL,
      region_code varchar(32) NOT NULL,
      project_code varchar(64),
      item_code varchar(64),
      due_at timestamptz NOT NULL,
      letter_id uuid REFERENCES letters (id) DEFERRABLE INITIALLY DEFERRED,
      fired_at timestamptz NOT NULL,
      CONSTRAINT escalation_steps_letter_rung_has_letter CHECK (step NOT IN ('提醒函', '督办函') OR letter_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX escalation_steps_department_fired ON escalation_steps (department_code, fired_at DESC)`);
    await q.query(`CREATE INDEX escalation_steps_fired ON escalation_steps (fired_at DESC)`);
    await q.query(`CREATE INDEX escalation_steps_obligation ON escalation_steps (obligation_kind, obligation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE escalation_steps');
  }
}
