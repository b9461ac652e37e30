import type { ComplaintLadderTerms } from '@cityworks/contracts';

export const DEFAULT_COMPLAINT_LADDER: ComplaintLadderTerms = { answerWarningLeadWorkingDays: 3, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 };

/**
 * The escalation ladder's settings for complaints: COMPLAINT_ANSWER_WARNING_WORKING_DAYS (0–30, 0
 * for no 预警), COMPLAINT_REMINDER_GRACE_WORKING_DAYS and COMPLAINT_ESCALATION_GRACE_WORKING_DAYS
 * (1–60). A bad value stops the service at start-up, naming the setting.
 */
export function readComplaintLadderTerms(env: NodeJS.ProcessEnv = process.env): ComplaintLadderTerms {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number of working days from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  return {
    answerWarningLeadWorkingDays: read('COMPLAINT_ANSWER_WARNING_WORKING_DAYS', DEFAULT_COMPLAINT_LADDER.answerWarningLeadWorkingDays, 0, 30),
    reminderGraceWorkingDays: read('COMPLAINT_REMINDER_GRACE_WORKING_DAYS', DEFAULT_COMPLAINT_LADDER.reminderGraceWorkingDays, 1, 60),
    escalationGraceWorkingDays: read('COMPLAINT_ESCALATION_GRACE_WORKING_DAYS', DEFAULT_COMPLAINT_LADDER.escalationGraceWorkingDays, 1, 60),
  };
}
