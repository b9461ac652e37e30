import { addCalendarMonths } from '@cityworks/calendar';
import type { CreditGrade, CreditSeverity, CreditSourceType } from '@cityworks/contracts';

/** The grades a 失信 threshold can put a subject in, worst first. */
export const THRESHOLD_GRADES = ['D', 'C', 'B'] as const satisfies readonly CreditGrade[];
export type ThresholdGrade = (typeof THRESHOLD_GRADES)[number];

/**
 * 信用分级规则: how active records become a grade. Each 失信 record counts as its source's weight
 * times the decay factor of its age; per severity these weighted counts are summed, and the subject
 * takes the worst grade one of whose thresholds a sum reaches. A threshold left out (null) never
 * fires. A subject with no 失信 reaching a B threshold is A when its 守信 records reach `goodForA`,
 * B otherwise (unknown is not good). 守信 never offsets 失信.
 */
export interface CreditRules {
  /** weighted count of records of a severity that puts the subject in the grade */
  thresholds: Record<ThresholdGrade, Record<CreditSeverity, number | null>>;
  /** how much a 失信 record from each source counts (1 = a whole record) */
  sourceWeights: Record<CreditSourceType, number>;
  /**
   * 失信 weighs less as it ages: from `afterMonths` after its decision a record counts `factor`
   * (the step with the largest `afterMonths` reached applies); empty = no decay
   */
  decay: { afterMonths: number; factor: number }[];
  /** 守信 records needed for A */
  goodForA: number;
  /** the grade that puts a subject on the joint-punishment list (联合惩戒) */
  jointPunishmentGrade: CreditGrade;
  /** 有效期 of records made from events, in months: 守信, and 失信 by severity */
  recordMonths: { good: number } & Record<CreditSeverity, number>;
}

/**
 * The rules as they were before they were configurable, kept as the default:
 * D on any 严重 or ≥ 3 较重; C on any 较重 or ≥ 3 一般; B on any 一般; A with a 守信 and no 失信;
 * every source counts the same; no decay; records from events count 12 (守信, 一般), 24 (较重)
 * and 36 (严重) months; D is 联合惩戒.
 */
export const DEFAULT_CREDIT_RULES: CreditRules = {
  thresholds: {
    D: { severe: 1, serious: 3, minor: null },
    C: { severe: 1, serious: 1, minor: 3 },
    B: { severe: 1, serious: 1, minor: 1 },
  },
  sourceWeights: { approval: 1, supervision: 1, complaint: 1, commitment: 1 },
  decay: [],
  goodForA: 1,
  jointPunishmentGrade: 'D',
  recordMonths: { good: 12, minor: 12, serious: 24, severe: 36 },
};

/** The decay factor of a record decided on `decidedOn`, on `asOf` (both China days). */
export function decayFactor(rules: CreditRules, decidedOn: string, asOf: string): number {
  let factor = 1;
  let reached = -1;
  for (const step of rules.decay) {
    if (step.afterMonths > reached && addCalendarMonths(decidedOn, step.afterMonths) <= asOf) {
      factor = step.factor;
      reached = step.afterMonths;
    }
  }
  return factor;
}
