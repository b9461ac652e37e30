import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  CommitmentCheckNotice,
  commitmentCheckedSignal,
  CommitmentDeadlineChange,
  commitmentDeadlineMovedSignal,
  CommitmentReviewAnswer,
  commitmentReviewAnsweredSignal,
  commitmentStateQuery,
  CommitmentWorkflowInput,
  CommitmentWorkflowState,
  commitmentWorkflowId,
  commitmentWorkflowType,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { Commitment } from '../domain/commitment';

/**
 * Everything the supervision service says to a commitment's workflow (`commitment-<applicationId>`).
 * Starts and signals are commands stored with the state change that causes them (the workflow
 * outbox); queries go to Temporal directly.
 */
@Injectable()
export class CommitmentWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  static workflowId(applicationId: string): string {
    return commitmentWorkflowId(applicationId);
  }

  /** Started with the search attributes operators use in the Temporal UI; the obligation is the supervising department's. */
  start(commitment: Commitment): WorkflowStart {
    const s = commitment.snapshot;
    const input: CommitmentWorkflowInput = {
      commitmentId: s.id,
      applicationId: s.applicationId,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      approvingDepartmentCode: s.approvingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      dueAt: s.dueAt.toISOString(),
    };
    return {
      kind: 'start',
      workflowId: s.workflowId,
      workflowType: commitmentWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.projectCode, s.projectCode),
        storedSearchAttribute(SearchAttributes.itemCode, s.itemCode),
        storedSearchAttribute(SearchAttributes.departmentCode, s.supervisingDepartmentCode),
        storedSearchAttribute(SearchAttributes.regionCode, s.regionCode),
        storedSearchAttribute(SearchAttributes.ownerUscc, s.ownerUscc),
        storedSearchAttribute(SearchAttributes.obligationKind, 'commitment-verification'),
        storedSearchAttribute(SearchAttributes.overdue, false),
        storedSearchAttribute(SearchAttributes.dueAt, s.dueAt),
      ],
    };
  }

  /** A 核查 or 复查 reached the record, with the deadlines it implies. */
  checked(commitment: Commitment): WorkflowSignal {
    const s = commitment.snapshot;
    const check = commitment.lastCheck!;
    const notice: CommitmentCheckNotice = {
      outcome: check.outcome,
      recordedAt: check.recordedAt.toISOString(),
      findings: check.findings,
      ...(check.recheckDueAt && { recheckDueAt: check.recheckDueAt.toISOString() }),
      ...(s.status === 'broken' && { ineligibleUntil: s.ineligibleUntil!.toISOString(), reviewReplyDueAt: s.review!.replyDueAt.toISOString() }),
    };
    return { kind: 'signal', workflowId: s.workflowId, signal: commitmentCheckedSignal.name, args: [notice], dedupeKey: `check-${s.checks.length}` };
  }

  /** The approving department answered the 复核 request. */
  reviewAnswered(commitment: Commitment): WorkflowSignal {
    const s = commitment.snapshot;
    const answer: CommitmentReviewAnswer = { answeredAt: s.review!.answeredAt!.toISOString() };
    return { kind: 'signal', workflowId: s.workflowId, signal: commitmentReviewAnsweredSignal.name, args: [answer], dedupeKey: 'review-answered' };
  }

  /** The verification deadline was computed again; each move is its own signal (a deadline may move back and forth). */
  deadlineMoved(commitment: Commitment, reason: string): WorkflowSignal {
    const s = commitment.snapshot;
    const change: CommitmentDeadlineChange = { dueAt: s.dueAt.toISOString(), reason };
    return { kind: 'signal', workflowId: s.workflowId, signal: commitmentDeadlineMovedSignal.name, args: [change], dedupeKey: randomUUID() };
  }

  /** What the running workflow believes (status, deadline, ladders), for operators and tests. */
  async state(commitment: Commitment): Promise<CommitmentWorkflowState> {
    return this.temporal.workflow.getHandle(commitment.snapshot.workflowId).query(commitmentStateQuery);
  }
}
