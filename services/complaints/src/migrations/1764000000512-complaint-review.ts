import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rating of the answer, one reopening for the 工改办's review (复核), and the finding (属实) — each step keeping its time. */
export class ComplaintReview1764000000512 implements MigrationInterface {
  name = 'ComplaintReview1764000000512';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints
      ADD COLUMN rating_due_at timestamptz,
      ADD COLUMN answer_rating varchar(12) CHECK (answer_rating IN ('satisfied', 'unsatisfied')),
      ADD COLUMN answer_rated_at timestamptz,
      ADD COLUMN reopened_at timestamptz,
      ADD COLUMN review_department_code varchar(64),
      ADD COLUMN review_due_at timestamptz,
      ADD COLUMN review_answered_at timestamptz,
      ADD COLUMN review_answer text,
      ADD COLUMN review_rating_due_at timestamptz,
      ADD COLUMN review_rating varchar(12) CHECK (review_rating IN ('satisfied', 'unsatisfied')),
      ADD COLUMN review_rated_at timestamptz,
      ADD COLUMN finding varchar(16) CHECK (finding IN ('substantiated', 'unsubstantiated')),
      ADD COLUMN found_at timestamptz,
      ADD CONSTRAINT complaints_rating_has_time CHECK ((answer_rating IS NULL) = (answer_rated_at IS NULL)),
      -- reopened only after an unsatisfied rating, with its reviewer and deadline
      ADD CONSTRAINT complaints_reopened_unsatisfied CHECK (reopened_at IS NULL OR (answer_rating = 'unsatisfied' AND review_department_code IS NOT NULL AND review_due_at IS NOT NULL)),
      ADD CONSTRAINT complaints_review_answer CHECK ((review_answered_at IS NULL) = (review_answer IS NULL) AND (review_answered_at IS NULL OR reopened_at IS NOT NULL)),
      ADD CONSTRAINT complaints_review_rating CHECK ((review_rating IS NULL) = (review_rated_at IS NULL) AND (review_rating IS NULL OR review_answered_at IS NOT NULL)),
      ADD CONSTRAINT complaints_finding_has_time CHECK ((finding IS NULL) = (found_at IS NULL))`);
    await q.query(
      `CREATE INDEX complaints_review_department ON complaints (review_department_code, received_at DESC) WHERE review_department_code IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints DROP COLUMN found_at, DROP COLUMN finding, DROP COLUMN review_rated_at, DROP COLUMN review_rating,
      DROP COLUMN review_rating_due_at, DROP COLUMN review_answer, DROP COLUMN review_answered_at, DROP COLUMN review_due_at,
      DROP COLUMN review_department_code, DROP COLUMN reopened_at, DROP COLUMN answer_rated_at, DROP COLUMN answer_rating, DROP COLUMN rating_due_at`);
  }
}
