import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState } from './escalation-ladder';

/**
 * 告知承诺核查: an approval granted on the applicant's commitment must be verified by the
 * supervising department within the item's verification period. One workflow per commitment,
 * `commitment-<applicationId>`, started by supervision when the decision on commitment reaches it.
 */
export const commitmentWorkflowType = 'commitmentWorkflow';
export const commitmentWorkflowId = (applicationId: string) => `commitment-${applicationId}`;

/** What the verification found (核查结果). */
export const CommitmentOutcomes = ['fulfilled', 'minor-breach', 'serious-breach', 'false-commitment'] as const;
export type CommitmentOutcome = (typeof CommitmentOutcomes)[number];

export interface CommitmentWorkflowInput {
  commitmentId: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  /** 监管部门: verifies; the ladder runs against it when it does not */
  supervisingDepartmentCode: string;
  /** 实施部门: decided on commitment; receives the 复核 request after a breach */
  approvingDepartmentCode: string;
  regionCode: string;
  ownerUscc: string;
  /** the verification deadline, computed by supervision in working days after the decision */
  dueAt: string;
}

/**
 * A verification recorded on the commitment. The service computed every deadline it implies:
 * the re-check after a rectification order, the 复核 reply after a breach.
 */
export interface CommitmentCheckNotice {
  outcome: CommitmentOutcome;
  recordedAt: string;
  /** minor breach: the re-check (复查) is due then, after the rectification period (责令限期整改) */
  recheckDueAt?: string;
  /** serious breach or false commitment: the subject may not apply on commitment until then */
  ineligibleUntil?: string;
  /** serious breach or false commitment: the approving department's 复核 reply is due then */
  reviewReplyDueAt?: string;
  /** what the inspection found, for the revocation's reason */
  findings: string;
}

export interface CommitmentReviewAnswer {
  answeredAt: string;
}

export type CommitmentWorkflowStatus = 'awaiting-verification' | 'rectifying' | 'revoking' | 'awaiting-review' | 'fulfilled' | 'closed-breached';

export interface CommitmentWorkflowState {
  commitmentId: string;
  status: CommitmentWorkflowStatus;
  /** the obligation now open: verification, re-check or 复核 reply; null when none is */
  dueAt: string | null;
  checks: CommitmentCheckNotice[];
  /** the approval was revoked (撤销) and the subject's eligibility cancelled */
  revoked: boolean;
  eligibilityCancelled: boolean;
  /** each obligation's ladder: `verification`, `recheck-<n>`, `review` */
  escalation: Record<string, LadderState>;
}

export const commitmentCheckedSignal = defineSignal<[CommitmentCheckNotice]>('commitmentChecked');
export const commitmentReviewAnsweredSignal = defineSignal<[CommitmentReviewAnswer]>('commitmentReviewAnswered');
export const commitmentStateQuery = defineQuery<CommitmentWorkflowState>('commitmentState');

/** The verification deadline moved: an official holiday arrangement replaced the provisional calendar it was computed with. */
export interface CommitmentDeadlineChange {
  dueAt: string;
  reason: string;
}
export const commitmentDeadlineMovedSignal = defineSignal<[CommitmentDeadlineChange]>('commitmentDeadlineMoved');
