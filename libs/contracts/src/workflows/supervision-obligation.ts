import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState } from './escalation-ladder';

/**
 * A supervising department's own deadline that is not an approval's: a 监管行为 to be reported
 * (上传) within its reporting period, or a task from another source (风险预警, 专项检查, a
 * referral from another department, 告知其他机关) to be fed back. One workflow per obligation,
 * `action-report-<actionId>` or `inspection-task-<taskId>`; it waits for the obligation to be met,
 * marks it overdue at the deadline and runs the escalation ladder against the department beside
 * the wait. Terms come from supervision's configuration: no catalog item governs them.
 */
export const supervisionObligationWorkflowType = 'supervisionObligationWorkflow';
export const actionReportWorkflowId = (actionId: string) => `action-report-${actionId}`;
export const inspectionTaskWorkflowId = (taskId: string) => `inspection-task-${taskId}`;

export type SupervisionObligationKind = 'action-report' | 'inspection-feedback';

export interface SupervisionObligationInput {
  kind: SupervisionObligationKind;
  /** the action's or the task's id */
  id: string;
  departmentCode: string;
  regionCode: string;
  itemCode: string | null;
  /** computed by the supervision service; the workflow only waits */
  dueAt: string;
  /** what the ladder's letters say */
  title: string;
  demandedAction: string;
  warningLeadWorkingDays: number;
  reminderGraceWorkingDays: number;
  escalationGraceWorkingDays: number;
}

export interface SupervisionObligationMet {
  at: string;
}

export interface SupervisionObligationState {
  id: string;
  status: 'open' | 'overdue' | 'met';
  dueAt: string;
  metAt?: string;
  escalation: LadderState;
}

export const supervisionObligationMetSignal = defineSignal<[SupervisionObligationMet]>('supervisionObligationMet');
export const supervisionObligationStateQuery = defineQuery<SupervisionObligationState>('supervisionObligationState');

/** Activities supervision runs for these workflows (task queue `supervision`). */
export interface SupervisionObligationActivities {
  /**
   * The deadline passed: the action or task is marked overdue (once). Answers what the record
   * says now, so a met obligation whose signal was lost still ends the workflow.
   */
  markSupervisionObligationOverdue(input: { kind: SupervisionObligationKind; id: string }): Promise<{ changed: boolean; met: boolean }>;
}
