import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  complaintAcknowledgedSignal,
  complaintAnsweredSignal,
  ComplaintDeadlinesChange,
  complaintDeadlinesMovedSignal,
  ComplaintLadderTerms,
  complaintStateQuery,
  complaintRatedSignal,
  complaintReopenedSignal,
  complaintReviewAnsweredSignal,
  ComplaintReopening,
  ComplaintTransfer as ComplaintTransferSignal,
  complaintTransferredSignal,
  ComplaintWorkflowInput,
  ComplaintWorkflowState,
  complaintWorkflowId,
  complaintWorkflowType,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { Complaint, ComplaintTransfer } from '../complaint.entity';

/**
 * Everything the complaints service says to a complaint's workflow (`complaint-<id>`): starts and
 * signals are commands stored with the state change (the workflow outbox); the query goes to
 * Temporal directly. Nothing personal travels: ids, codes, category and deadlines.
 */
@Injectable()
export class ComplaintWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  start(complaint: Complaint, ladder: ComplaintLadderTerms): WorkflowStart {
    const input: ComplaintWorkflowInput = {
      complaintId: complaint.id,
      departmentCode: complaint.departmentCode,
      regionCode: complaint.regionCode,
      projectCode: complaint.projectCode,
      category: complaint.category,
      acknowledgeDueAt: complaint.acknowledgeDueAt.toISOString(),
      answerDueAt: complaint.answerDueAt.toISOString(),
      ladder,
    };
    return {
      kind: 'start',
      workflowId: complaintWorkflowId(complaint.id),
      workflowType: complaintWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.departmentCode, complaint.departmentCode),
        storedSearchAttribute(SearchAttributes.regionCode, complaint.regionCode),
        ...(complaint.projectCode ? [storedSearchAttribute(SearchAttributes.projectCode, complaint.projectCode)] : []),
        storedSearchAttribute(SearchAttributes.obligationKind, 'complaint'),
        storedSearchAttribute(SearchAttributes.overdue, false),
        storedSearchAttribute(SearchAttributes.dueAt, complaint.acknowledgeDueAt),
      ],
    };
  }

  acknowledged(complaint: Complaint): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaint.id),
      signal: complaintAcknowledgedSignal.name,
      args: [{ at: (complaint.acknowledgedAt ?? new Date()).toISOString() }],
      dedupeKey: 'acknowledged',
    };
  }

  answered(complaint: Complaint): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaint.id),
      signal: complaintAnsweredSignal.name,
      args: [
        { at: (complaint.answeredAt ?? new Date()).toISOString(), ...(complaint.ratingDueAt ? { ratingDueAt: complaint.ratingDueAt.toISOString() } : {}) },
      ],
      dedupeKey: 'answered',
    };
  }

  rated(complaint: Complaint, rating: 'satisfied' | 'unsatisfied', at: Date): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaint.id),
      signal: complaintRatedSignal.name,
      args: [{ rating, at: at.toISOString() }],
      dedupeKey: 'rated',
    };
  }

  /** Reopened once: the review by the 工改办 goes on the ladder with its own deadline. */
  reopened(complaintId: string, reopening: ComplaintReopening): WorkflowSignal {
    return { kind: 'signal', workflowId: complaintWorkflowId(complaintId), signal: complaintReopenedSignal.name, args: [reopening], dedupeKey: 'reopened' };
  }

  reviewAnswered(complaintId: string, at: Date): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaintId),
      signal: complaintReviewAnsweredSignal.name,
      args: [{ at: at.toISOString() }],
      dedupeKey: 'review-answered',
    };
  }

  /** 错转: the ladder turns to the new department; the deadlines do not change. */
  transferred(complaint: Complaint, transfer: ComplaintTransfer): WorkflowSignal {
    const args: ComplaintTransferSignal = { toDepartmentCode: transfer.toDepartmentCode, at: transfer.transferredAt.toISOString() };
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaint.id),
      signal: complaintTransferredSignal.name,
      args: [args],
      dedupeKey: `transfer-${transfer.id}`,
    };
  }

  /** Each recomputation is its own signal (deadlines may move back and forth). */
  deadlinesMoved(complaint: Complaint, reason: string): WorkflowSignal {
    const change: ComplaintDeadlinesChange = {
      acknowledgeDueAt: complaint.acknowledgeDueAt.toISOString(),
      answerDueAt: complaint.answerDueAt.toISOString(),
      reason,
    };
    return {
      kind: 'signal',
      workflowId: complaintWorkflowId(complaint.id),
      signal: complaintDeadlinesMovedSignal.name,
      args: [change],
      dedupeKey: randomUUID(),
    };
  }

  async state(complaintId: string): Promise<ComplaintWorkflowState> {
    return this.temporal.workflow.getHandle(complaintWorkflowId(complaintId)).query(complaintStateQuery);
  }
}
