import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState } from './escalation-ladder';

/**
 * 有诉必应: a complaint (投诉举报) must be acknowledged (签收) and answered (答复) by the handling
 * department within working-day deadlines. One workflow per complaint, `complaint-<id>`, started on
 * receipt; each of the two obligations climbs the escalation ladder against the department.
 */
export const complaintWorkflowType = 'complaintWorkflow';
export const complaintWorkflowId = (complaintId: string) => `complaint-${complaintId}`;

/** The ladder's settings for complaints, from the complaints service's configuration (no catalog item governs them). */
export interface ComplaintLadderTerms {
  /** 预警 this many working days before the answer deadline (0: none); the acknowledgement is too short to warn */
  answerWarningLeadWorkingDays: number;
  reminderGraceWorkingDays: number;
  escalationGraceWorkingDays: number;
}

export interface ComplaintWorkflowInput {
  complaintId: string;
  departmentCode: string;
  regionCode: string;
  projectCode: string | null;
  category: string;
  /** computed by the complaints service in working days from receipt; the workflow only waits */
  acknowledgeDueAt: string;
  answerDueAt: string;
  ladder: ComplaintLadderTerms;
}

export interface ComplaintProgress {
  at: string;
  /** with the answer: the complainant may rate it (and reopen it once) until then; absent from services before reopening existed */
  ratingDueAt?: string;
}

/** An unsatisfied rating reopened the complaint once: the 工改办 reviews it by its own deadline. */
export interface ComplaintReopening {
  reviewDepartmentCode: string;
  reviewDueAt: string;
  at: string;
}

/** The complainant rated the answer; a satisfied rating ends the wait for a reopening. */
export interface ComplaintRating {
  rating: 'satisfied' | 'unsatisfied';
  at: string;
}

/** Both deadlines computed again (a holiday arrangement changed). */
export interface ComplaintDeadlinesChange {
  acknowledgeDueAt: string;
  answerDueAt: string;
  reason: string;
}

/** 错转: the complaint passed to another department; its deadlines stay as they were. */
export interface ComplaintTransfer {
  toDepartmentCode: string;
  at: string;
}

export interface ComplaintWorkflowState {
  complaintId: string;
  /** the department the ladder's letters go to: changes on a transfer (absent in states of workflows started before transfers) */
  departmentCode?: string;
  /** reopened: under the 工改办's review; reviewed: its review answered */
  status: 'received' | 'acknowledged' | 'answered' | 'reopened' | 'reviewed';
  /** set once reopened */
  reviewDueAt?: string;
  acknowledgeDueAt: string;
  answerDueAt: string;
  /** past the deadline now due, unmet */
  overdue: boolean;
  /** `acknowledgement` and `answer` */
  escalation: Record<string, LadderState>;
}

export const complaintAcknowledgedSignal = defineSignal<[ComplaintProgress]>('complaintAcknowledged');
export const complaintAnsweredSignal = defineSignal<[ComplaintProgress]>('complaintAnswered');
export const complaintDeadlinesMovedSignal = defineSignal<[ComplaintDeadlinesChange]>('complaintDeadlinesMoved');
export const complaintTransferredSignal = defineSignal<[ComplaintTransfer]>('complaintTransferred');
export const complaintRatedSignal = defineSignal<[ComplaintRating]>('complaintRated');
export const complaintReopenedSignal = defineSignal<[ComplaintReopening]>('complaintReopened');
export const complaintReviewAnsweredSignal = defineSignal<[ComplaintProgress]>('complaintReviewAnswered');
export const complaintStateQuery = defineQuery<ComplaintWorkflowState>('complaintState');
