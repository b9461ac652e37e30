import type { CreditGrade, CreditRecordKind, CreditSeverity, CreditStanding } from '@cityworks/contracts';

/** What grading needs to know of a record; dates are China calendar days (YYYY-MM-DD). */
export interface GradableRecord {
  kind: CreditRecordKind;
  severity: CreditSeverity | null;
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

/** ≥ this many active 较重 records weigh as one 严重 one */
export const SERIOUS_RECORDS_FOR_D = 3;
/** ≥ this many active 一般 records weigh as one 较重 one */
export const MINOR_RECORDS_FOR_C = 3;

/** A record counts from the day it was decided through its last valid day, unless repaired. */
export function isActive(record: GradableRecord, asOf: string): boolean {
  return !record.repaired && record.decidedOn <= asOf && asOf <= record.expiresOn;
}

/**
 * 信用分级: the grade of a subject on `asOf`, from its active records only.
 *
 *   D  any 严重 失信, or ≥ 3 较重            → 联合惩戒 ("一处失信、处处受限")
 *   C  any 较重 失信, or ≥ 3 一般            → 谨慎审批, more checks
 *   B  any 一般 失信; also a subject with no records at all (unknown is not good)
 *   A  no active 失信 and at least one 守信 record → 绿色通道, fewer checks
 *
 * 守信 records never offset 失信 ones: only expiry or 信用修复 removes a 失信 record's weight.
 */
export function gradeCredit(records: readonly GradableRecord[], asOf: string): CreditAssessment {
  const counts: CreditAssessmentCounts = { activeGoodRecords: 0, activeBadRecords: { minor: 0, serious: 0, severe: 0 } };
  for (const record of records) {
    if (!isActive(record, asOf)) continue;
    if (record.kind === 'good') counts.activeGoodRecords++;
    else if (record.severity) counts.activeBadRecords[record.severity]++;
  }
  const grade = gradeFromCounts(counts);
  return {
    grade,
    jointPunishment: grade === 'D',
    greenChannel: grade === 'A',
    enhancedSupervision: grade === 'C' || grade === 'D',
    ...counts,
  };
}

function gradeFromCounts({ activeGoodRecords, activeBadRecords: bad }: CreditAssessmentCounts): CreditGrade {
  if (bad.severe > 0 || bad.serious >= SERIOUS_RECORDS_FOR_D) return 'D';
  if (bad.serious > 0 || bad.minor >= MINOR_RECORDS_FOR_C) return 'C';
  if (bad.minor > 0) return 'B';
  return activeGoodRecords > 0 ? 'A' : 'B';
}
