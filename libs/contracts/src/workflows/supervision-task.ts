import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState } from './escalation-ladder';

/**
 * 审管联动: after a decision is pushed, the supervising department must act and feed the
 * result back (监管结果反馈) before `dueAt`. One workflow per supervision task.
 */
export const supervisionTaskWorkflowType = 'supervisionTaskWorkflow';
export const supervisionTaskWorkflowId = (taskId: string) => `supervision-task-${taskId}`;

export interface SupervisionTaskInput {
  taskId: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  regionCode: string;
  /** computed by an activity from working days; the workflow only waits for it */
  dueAt: string;
}

export interface SupervisionFeedback {
  outcome: string;
  givenAt: string;
}

export interface SupervisionTaskState {
  taskId: string;
  status: 'open' | 'overdue' | 'closed';
  dueAt: string;
  feedback?: SupervisionFeedback;
  /** where the task is on the escalation ladder (absent on tasks started before it) */
  escalation?: LadderState;
}

export const supervisionFeedbackSignal = defineSignal<[SupervisionFeedback]>('supervisionFeedback');
export const supervisionTaskStateQuery = defineQuery<SupervisionTaskState>('supervisionTaskState');

/** The deadline moved: an official holiday arrangement replaced the provisional calendar. */
export interface SupervisionDeadlineChange {
  dueAt: string;
  reason: string;
}
export const supervisionDeadlineChangedSignal = defineSignal<[SupervisionDeadlineChange]>('supervisionDeadlineChanged');
