import { addCalendarDays, addCalendarMonths, endOfChinaDay, isIsoDate, startOfChinaDay, WorkingDayCalendar } from '@cityworks/calendar';
import type { CreditSeverity, PublicationLadderTerms } from '@cityworks/contracts';

/** How days of the publication period are counted. */
export type DayCounting = 'working' | 'calendar';

/**
 * 双公示 terms. The national rule for 行政许可 and 行政处罚 信用信息公示 publishes within 7 working
 * days of the decision (自作出行政决定之日起7个工作日内); Zaozhuang's document says 7 日
 * ("于7日内上传全国信用信息共享平台") — CREDIT_PUBLICATION_DAY_COUNTING=calendar gives that reading.
 */
export interface PublicationTerms {
  days: number;
  counting: DayCounting;
  ladder: PublicationLadderTerms;
  /**
   * 公示期限 of a penalty, in months from the decision, by severity: 一般失信 (our 一般 and 较重)
   * at most a year, 严重失信 at most three (《失信行为纠正后的信用信息修复管理办法（试行）》);
   * 信用修复 ends it earlier
   */
  penaltyPublicMonths: Record<CreditSeverity, number>;
  /** a permit stays public until its 有效期至, or this many months from the decision when it has none */
  permitPublicMonths: number;
  /**
   * decisions before this China day are not published through this system (their 双公示 was made
   * before it went live): without it, a consumer reading the topics from the beginning would open an
   * overdue obligation for every historical decision. Null: every decision.
   */
  since: string | null;
}

export const DEFAULT_PUBLICATION_TERMS: PublicationTerms = {
  days: 7,
  counting: 'working',
  ladder: { warningLeadWorkingDays: 2, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 },
  penaltyPublicMonths: { minor: 12, serious: 12, severe: 36 },
  permitPublicMonths: 36,
  since: null,
};

/**
 * The terms from the environment; a bad value stops the service at start, naming the variable:
 * CREDIT_PUBLICATION_DAYS (1–30), CREDIT_PUBLICATION_DAY_COUNTING (working | calendar),
 * CREDIT_PUBLICATION_WARNING_WORKING_DAYS (0–10, 0 = no 预警), CREDIT_PUBLICATION_REMINDER_GRACE_WORKING_DAYS
 * and CREDIT_PUBLICATION_ESCALATION_GRACE_WORKING_DAYS (1–30), CREDIT_PENALTY_PUBLIC_MONTHS_MINOR /
 * _SERIOUS / _SEVERE and CREDIT_PERMIT_PUBLIC_MONTHS (1–120), CREDIT_PUBLICATIONS_SINCE (YYYY-MM-DD).
 */
export function readPublicationTerms(env: NodeJS.ProcessEnv = process.env): PublicationTerms {
  const d = DEFAULT_PUBLICATION_TERMS;
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  const counting = env.CREDIT_PUBLICATION_DAY_COUNTING?.trim() || d.counting;
  if (counting !== 'working' && counting !== 'calendar') throw new Error(`CREDIT_PUBLICATION_DAY_COUNTING must be working or calendar, got "${counting}"`);
  const since = env.CREDIT_PUBLICATIONS_SINCE?.trim() || null;
  if (since !== null && !isIsoDate(since)) throw new Error(`CREDIT_PUBLICATIONS_SINCE must be a day YYYY-MM-DD, got "${since}"`);
  return {
    days: read('CREDIT_PUBLICATION_DAYS', d.days, 1, 30),
    counting,
    ladder: {
      warningLeadWorkingDays: read('CREDIT_PUBLICATION_WARNING_WORKING_DAYS', d.ladder.warningLeadWorkingDays, 0, 10),
      reminderGraceWorkingDays: read('CREDIT_PUBLICATION_REMINDER_GRACE_WORKING_DAYS', d.ladder.reminderGraceWorkingDays, 1, 30),
      escalationGraceWorkingDays: read('CREDIT_PUBLICATION_ESCALATION_GRACE_WORKING_DAYS', d.ladder.escalationGraceWorkingDays, 1, 30),
    },
    penaltyPublicMonths: {
      minor: read('CREDIT_PENALTY_PUBLIC_MONTHS_MINOR', d.penaltyPublicMonths.minor, 1, 120),
      serious: read('CREDIT_PENALTY_PUBLIC_MONTHS_SERIOUS', d.penaltyPublicMonths.serious, 1, 120),
      severe: read('CREDIT_PENALTY_PUBLIC_MONTHS_SEVERE', d.penaltyPublicMonths.severe, 1, 120),
    },
    permitPublicMonths: read('CREDIT_PERMIT_PUBLIC_MONTHS', d.permitPublicMonths, 1, 120),
    since,
  };
}

/**
 * The publication deadline of a decision made on `decisionDate` (China day): the end of the
 * `days`-th working day after it, or of the `days`-th calendar day.
 */
export function publicationDueAt(calendar: WorkingDayCalendar, decisionDate: string, terms: Pick<PublicationTerms, 'days' | 'counting'>): Date {
  if (terms.counting === 'calendar') return endOfChinaDay(addCalendarDays(decisionDate, terms.days));
  return calendar.dueInstant(startOfChinaDay(decisionDate), terms.days).dueAt;
}

/** The last day a decision stays public, `months` after the decision (the day before the same day of the month). */
export function publicUntil(decisionDate: string, months: number): string {
  return addCalendarDays(addCalendarMonths(decisionDate, months), -1);
}

/** Whether a decision of `decisionDate` is published through this system (see `since`). */
export function publishable(terms: Pick<PublicationTerms, 'since'>, decisionDate: string): boolean {
  return terms.since === null || decisionDate >= terms.since;
}
