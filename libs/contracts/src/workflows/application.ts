import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ApprovalDecision } from '../events/approval.events';
import type { ApprovalStage } from '../catalog/catalog-vocabulary';
import type { LadderState, LadderTerms } from './escalation-ladder';

/**
 * 办件: one application's statutory clock. A child of its project's lifecycle workflow, started
 * when the application is accepted (受理); it waits for the decision until the deadline, pauses
 * while the clock is stopped (暂停计时), and past the deadline marks the application overdue and
 * hands it to the escalation ladder.
 */
export const applicationWorkflowType = 'applicationWorkflow';
export const applicationWorkflowId = (applicationId: string) => `application-${applicationId}`;

export interface ApplicationWorkflowInput {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  stage: ApprovalStage;
  departmentCode: string;
  regionCode: string;
  acceptedAt: string;
  /** computed by the approval service from working days; the workflow only waits for it */
  dueAt: string;
  /** the escalation ladder's settings from the item; absent on applications accepted before the ladder */
  ladder?: LadderTerms;
}

/** The application's clock as its record says: sent on every stop and resume, and read on start. */
export interface ApplicationClock {
  /** null while the clock is stopped */
  dueAt: string | null;
  /** what the clock change was, for the history (暂停计时 reason, or 'resumed') */
  cause: string;
}

export interface ApplicationDecisionNotice {
  decision: ApprovalDecision;
  decidedAt: string;
}

export type ApplicationWorkflowStatus = 'waiting' | 'clock-stopped' | 'overdue' | 'decided';

export interface ApplicationWorkflowState {
  applicationId: string;
  itemCode: string;
  stage: ApprovalStage;
  departmentCode: string;
  status: ApplicationWorkflowStatus;
  /** null while the clock is stopped */
  dueAt: string | null;
  overdue: boolean;
  /** when the deadline first passed with the clock running */
  overdueSince: string | null;
  decision: ApplicationDecisionNotice | null;
  /** where the application is on the escalation ladder; absent when it runs none */
  escalation?: LadderState;
  /** why the last report to the project did not land (no run of it open); null once one did */
  reportProblem?: string | null;
}

export const applicationDecidedSignal = defineSignal<[ApplicationDecisionNotice]>('applicationDecided');
export const applicationClockChangedSignal = defineSignal<[ApplicationClock]>('applicationClockChanged');
export const applicationStateQuery = defineQuery<ApplicationWorkflowState>('applicationState');
