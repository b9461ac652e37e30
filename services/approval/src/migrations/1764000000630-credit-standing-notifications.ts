import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every replica keeps the credit standing of every subject in memory (CreditStandingIndex); a
 * change to approval's copy of a grade or to a commitment-eligibility cancellation, whoever makes
 * it, tells them all which subject to re-read: NOTIFY credit_standing '<schema>:<uscc>', sent on commit.
 */
export class CreditStandingNotifications1764000000630 implements MigrationInterface {
  name = 'CreditStandingNotifications1764000000630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_credit_standing_of_grade() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('credit_standing', TG_TABLE_SCHEMA || ':' || COALESCE(NEW.uscc, OLD.uscc));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION notify_credit_standing_of_cancellation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('credit_standing', TG_TABLE_SCHEMA || ':' || COALESCE(NEW.owner_uscc, OLD.owner_uscc));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER subject_credit_grades_notify AFTER INSERT OR UPDATE OR DELETE ON subject_credit_grades
      FOR EACH ROW EXECUTE FUNCTION notify_credit_standing_of_grade()`);
    await q.query(`CREATE TRIGGER commitment_eligibility_cancellations_notify AFTER INSERT OR UPDATE OR DELETE ON commitment_eligibility_cancellations
      FOR EACH ROW EXECUTE FUNCTION notify_credit_standing_of_cancellation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER commitment_eligibility_cancellations_notify ON commitment_eligibility_cancellations');
    await q.query('DROP TRIGGER subject_credit_grades_notify ON subject_credit_grades');
    await q.query('DROP FUNCTION notify_credit_standing_of_cancellation()');
    await q.query('DROP FUNCTION notify_credit_standing_of_grade()');
  }
}
