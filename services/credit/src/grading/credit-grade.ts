import { CreditSeverities } from '@cityworks/contracts';
import type { CreditGrade, CreditRecordKind, CreditSeverity, CreditSourceType, CreditStanding } from '@cityworks/contracts';
import { CreditRules, decayFactor, DEFAULT_CREDIT_RULES, THRESHOLD_GRADES } from './rules/credit-rules';

/** What grading needs to know of a record; dates are China calendar days (YYYY-MM-DD). */
export interface GradableRecord {
  kind: CreditRecordKind;
  severity: CreditSeverity | null;
  /** where it came from: its weight follows the source */
  sourceType: CreditSourceType;
  decidedOn: string;
  /** the last day the record counts (有效期) */
  expiresOn: string;
  /** 信用修复: a repaired record no longer counts */
  repaired: boolean;
}

export type CreditAssessmentCounts = Pick<CreditStanding, 'activeGoodRecords' | 'activeBadRecords'>;

export interface CreditAssessment extends CreditAssessmentCounts {
  grade: CreditGrade;
  jointPunishment: boolean;
  greenChannel: boolean;
  enhancedSupervision: boolean;
}

/** A record counts from the day it was decided through its last valid day, unless repaired. */
export function isActive(record: GradableRecord, asOf: string): boolean {
  return !record.repaired && record.decidedOn <= asOf && asOf <= record.expiresOn;
}

const WORSE_FIRST: readonly CreditGrade[] = ['D', 'C', 'B', 'A'];
/** whether `grade` is `than` or worse */
const atLeastAsBad = (grade: CreditGrade, than: CreditGrade) => WORSE_FIRST.indexOf(grade) <= WORSE_FIRST.indexOf(than);

/**
 * 信用分级: the grade of a subject on `asOf`, from its active records only, by the rule set
 * ([`rules/credit-rules.ts`](rules/credit-rules.ts)). With the default rules:
 *
 *   D  any 严重 失信, or ≥ 3 较重            → 联合惩戒 ("一处失信、处处受限")
 *   C  any 较重 失信, or ≥ 3 一般            → 谨慎审批, more checks
 *   B  any 一般 失信; also a subject with no records at all (unknown is not good)
 *   A  no active 失信 and at least one 守信 record → 绿色通道, fewer checks
 *
 * 守信 records never offset 失信 ones: only expiry or 信用修复 removes a 失信 record's weight
 * (decay, when configured, lessens it with age).
 */
export function gradeCredit(records: readonly GradableRecord[], asOf: string, rules: CreditRules = DEFAULT_CREDIT_RULES): CreditAssessment {
  const counts: CreditAssessmentCounts = { activeGoodRecords: 0, activeBadRecords: { minor: 0, serious: 0, severe: 0 } };
  const weighted: Record<CreditSeverity, number> = { minor: 0, serious: 0, severe: 0 };
  for (const record of records) {
    if (!isActive(record, asOf)) continue;
    if (record.kind === 'good') counts.activeGoodRecords++;
    else if (record.severity) {
      counts.activeBadRecords[record.severity]++;
      weighted[record.severity] += (rules.sourceWeights[record.sourceType] ?? 1) * decayFactor(rules, record.decidedOn, asOf);
    }
  }
  const grade = gradeFromWeights(weighted, counts.activeGoodRecords, rules);
  return {
    grade,
    jointPunishment: atLeastAsBad(grade, rules.jointPunishmentGrade),
    greenChannel: grade === 'A',
    enhancedSupervision: grade === 'C' || grade === 'D',
    ...counts,
  };
}

// a small tolerance so 0.1 + 0.2 reaches a threshold of 0.3
const EPSILON = 1e-9;

function gradeFromWeights(weighted: Record<CreditSeverity, number>, good: number, rules: CreditRules): CreditGrade {
  for (const grade of THRESHOLD_GRADES) {
    const reached = CreditSeverities.some((severity) => {
      const threshold = rules.thresholds[grade][severity];
      return threshold !== null && weighted[severity] > 0 && weighted[severity] + EPSILON >= threshold;
    });
    if (reached) return grade;
  }
  return good >= rules.goodForA ? 'A' : 'B';
}
