import type { CreditGrade, CreditGradeChangedV1 } from '@cityworks/contracts';
import type { CreditAssessment } from './credit-grade';

/** What is stored of a subject's grade. */
export interface StoredGrade {
  grade: CreditGrade;
  version: number;
}

/**
 * The change a new assessment makes to a subject's stored grade: none when the grade and its
 * consequences stay as they were, else the next version and the event consumers keep their read
 * models by (联合惩戒 and 绿色通道 follow the grade).
 */
export function gradeChange(
  uscc: string,
  stored: StoredGrade | null,
  assessment: CreditAssessment,
  causeRecordId: string,
  now: Date,
): CreditGradeChangedV1 | null {
  if (stored && stored.grade === assessment.grade) return null;
  return {
    uscc,
    gradeBefore: stored?.grade ?? null,
    gradeAfter: assessment.grade,
    jointPunishment: assessment.jointPunishment,
    greenChannel: assessment.greenChannel,
    version: (stored?.version ?? 0) + 1,
    causeRecordId,
    changedAt: now.toISOString(),
  };
}
