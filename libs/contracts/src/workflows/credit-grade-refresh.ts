/**
 * 信用等级按日刷新: a record stops counting when it expires, and the grade must follow without a new
 * record arriving. A Temporal Schedule (created by credit at start) runs this workflow every day
 * after midnight, China time.
 */
export const creditGradeRefreshWorkflowType = 'creditGradeRefreshWorkflow';
export const creditGradeRefreshScheduleId = 'credit-grade-refresh';

export interface CreditGradeRefreshInput {
  /** China days looked back for expired records; a week covers missed runs */
  lookBackDays: number;
}
