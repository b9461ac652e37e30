import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditPublications1764000000440 implements MigrationInterface {
  name = 'CreditPublications1764000000440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE publications (
      id uuid PRIMARY KEY,
      kind varchar(8) NOT NULL CHECK (kind IN ('permit', 'penalty')),
      department_code varchar(64) NOT NULL,
      region_code varchar(6),
      uscc varchar(18) NOT NULL,
      source_ref varchar(128) NOT NULL,
      source_event_id varchar(64) NOT NULL UNIQUE,
      record_id uuid REFERENCES credit_records (id),
      status varchar(12) NOT NULL CHECK (status IN ('pending', 'published')),
      fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
      decision_date date NOT NULL,
      due_at timestamptz NOT NULL,
      due_counting varchar(8) NOT NULL CHECK (due_counting IN ('working', 'calendar')),
      due_days int NOT NULL CHECK (due_days > 0),
      public_until date NOT NULL CHECK (public_until >= decision_date),
      published_at timestamptz,
      published_by varchar(128),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'published') = (published_at IS NOT NULL)),
      -- one publication per decision, whatever event carried it
      UNIQUE (kind, source_ref)
    )`);
    await q.query(`CREATE INDEX publications_department ON publications (department_code, status, due_at)`);
    // the public register: what is published and still in its period
    await q.query(`CREATE INDEX publications_register ON publications (public_until, decision_date DESC) WHERE status = 'published'`);
    await q.query(`CREATE INDEX publications_uscc ON publications (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE publications');
  }
}
