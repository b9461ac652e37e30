import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 提醒函 / 督办函: the letters, their PDF as issued, and the gap-free number counters, one row
 * per office, kind and year (incremented in the transaction that stores the letter).
 */
export class Letters1764000000120 implements MigrationInterface {
  name = 'Letters1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE letters (
      id uuid PRIMARY KEY,
      claim_key varchar(200) NOT NULL UNIQUE,
      kind varchar(8) NOT NULL CHECK (kind IN ('提醒函', '督办函')),
      year int NOT NULL,
      sequence int NOT NULL CHECK (sequence >= 1),
      number varchar(120) NOT NULL,
      office_code varchar(64) NOT NULL,
      office_name varchar(200) NOT NULL,
      office_short_name varchar(32) NOT NULL,
      office_department_code varchar(64) NOT NULL,
      addressee_department_code varchar(64) NOT NULL,
      addressee_name varchar(200) NOT NULL,
      copy_to_department_code varchar(64),
      copy_to_name varchar(200),
      obligation_kind varchar(32) NOT NULL,
      obligation_id varchar(128) NOT NULL,
      obligation_title varchar(500) NOT NULL,
      region_code varchar(32) NOT NULL,
      project_code varchar(64),
      item_code varchar(64),
      demanded_action varchar(500) NOT NULL,
      missed_due_at timestamptz NOT NULL,
      reply_due_at timestamptz NOT NULL,
      issued_at timestamptz NOT NULL,
      follows_letter_id uuid REFERENCES letters (id),
      follows_number varchar(120),
      follows_issued_at timestamptz,
      status varchar(16) NOT NULL CHECK (status IN ('issued', 'received', 'replied')),
      received_at timestamptz,
      received_by varchar(128),
      replied_at timestamptz,
      replied_by varchar(128),
      reply_text text,
      reply_attachments jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT letters_number_once UNIQUE (office_code, kind, year, sequence)
    )`);
    await q.query(`CREATE INDEX letters_addressee_issued ON letters (addressee_department_code, issued_at DESC)`);
    await q.query(`CREATE INDEX letters_issued ON letters (issued_at DESC)`);
    await q.query(`CREATE INDEX letters_obligation ON letters (obligation_kind, obligation_id, kind)`);
    await q.query(`CREATE INDEX letters_awaiting_reply ON letters (reply_due_at) WHERE status <> 'replied'`);
    await q.query(`CREATE TABLE letter_documents (
      letter_id uuid PRIMARY KEY REFERENCES letters (id),
      media_type varchar(64) NOT NULL,
      content bytea NOT NULL,
      sha256 char(64) NOT NULL,
      rendered_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE letter_number_counters (
      office_code varchar(64) NOT NULL,
      kind varchar(8) NOT NULL CHECK (kind IN ('提醒函', '督办函')),
      year int NOT NULL,
      last_sequence int NOT NULL CHECK (last_sequence >= 1),
      PRIMARY KEY (office_code, kind, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE letter_number_counters');
    await q.query('DROP TABLE letter_documents');
    await q.query('DROP TABLE letters');
  }
}
