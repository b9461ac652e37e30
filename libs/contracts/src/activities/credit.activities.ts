import type { CreditGrade } from '../events/credit.events';

/**
 * A subject's credit standing as approvals and inspections use it (信用分级分类监管).
 * Counts and flags only; the records themselves are read over HTTP.
 */
export interface CreditStanding {
  uscc: string;
  grade: CreditGrade;
  /** D: on the 联合惩戒 list — "一处失信、处处受限" */
  jointPunishment: boolean;
  /** A: 绿色通道, fewer checks, commitment allowed */
  greenChannel: boolean;
  /** C or D: 谨慎审批, more frequent 事中事后 checks */
  enhancedSupervision: boolean;
  activeGoodRecords: number;
  activeBadRecords: { minor: number; serious: number; severe: number };
  /** the China calendar date the grade was computed for (YYYY-MM-DD) */
  asOf: string;
}

/** Activities the credit service runs on its own task queue (`credit`). */
export interface CreditActivities {
  /**
   * The grade now. A malformed 统一社会信用代码 fails without retry (type `InvalidUscc`);
   * a subject with no records is graded B.
   */
  getCreditGrade(input: { uscc: string }): Promise<CreditStanding>;
  /**
   * 信用等级随记录到期而变: grades again every subject with a record that stopped counting in the
   * last `lookBackDays` China days (the run after a missed one catches up), publishing each change.
   * Idempotent: a subject whose grade stays gets nothing.
   */
  refreshExpiredGrades(input: { lookBackDays: number }): Promise<GradeRefreshResult>;
}

export interface GradeRefreshResult {
  /** the China day graded for */
  asOf: string;
  subjectsChecked: number;
  gradesChanged: number;
}
