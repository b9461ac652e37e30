import { WorkingDayCalendar } from '@cityworks/calendar';

/** 有诉必应: how long the handling department has, in working days from receipt. */
export interface ComplaintDeadlinePolicy {
  acknowledgeWorkingDays: number;
  answerWorkingDays: number;
}

export const DEFAULT_COMPLAINT_DEADLINES: ComplaintDeadlinePolicy = { acknowledgeWorkingDays: 1, answerWorkingDays: 15 };

/**
 * The policy from COMPLAINT_ACKNOWLEDGE_WORKING_DAYS and COMPLAINT_ANSWER_WORKING_DAYS.
 * A bad value stops the service at start-up: a silently wrong deadline would wrong every complainant.
 */
export function readComplaintDeadlinePolicy(env: NodeJS.ProcessEnv = process.env): ComplaintDeadlinePolicy {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 365) throw new Error(`${name} must be a whole number of working days from 1 to 365, got "${raw}"`);
    return value;
  };
  const policy = {
    acknowledgeWorkingDays: read('COMPLAINT_ACKNOWLEDGE_WORKING_DAYS', DEFAULT_COMPLAINT_DEADLINES.acknowledgeWorkingDays),
    answerWorkingDays: read('COMPLAINT_ANSWER_WORKING_DAYS', DEFAULT_COMPLAINT_DEADLINES.answerWorkingDays),
  };
  if (policy.answerWorkingDays < policy.acknowledgeWorkingDays) {
    throw new Error(
      `COMPLAINT_ANSWER_WORKING_DAYS (${policy.answerWorkingDays}) must not be shorter than COMPLAINT_ACKNOWLEDGE_WORKING_DAYS (${policy.acknowledgeWorkingDays})`,
    );
  }
  return policy;
}

export interface ComplaintDeadlines {
  acknowledgeDueAt: Date;
  answerDueAt: Date;
  /** a deadline fell in a year with no official holiday arrangement yet: recompute once it is loaded */
  provisional: boolean;
}

/**
 * Both deadlines run from receipt: the day of receipt is not counted, and each ends at the end
 * (China time) of its Nth working day, holidays and 调休 make-up days included.
 */
export function complaintDeadlines(calendar: WorkingDayCalendar, receivedAt: Date, policy: ComplaintDeadlinePolicy): ComplaintDeadlines {
  const acknowledge = calendar.dueInstant(receivedAt, policy.acknowledgeWorkingDays);
  const answer = calendar.dueInstant(receivedAt, policy.answerWorkingDays);
  return { acknowledgeDueAt: acknowledge.dueAt, answerDueAt: answer.dueAt, provisional: acknowledge.provisional || answer.provisional };
}
