import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  SearchAttributes,
  SupervisionDeadlineChange,
  supervisionDeadlineChangedSignal,
  SupervisionFeedback,
  supervisionFeedbackSignal,
  SupervisionTaskInput,
  SupervisionTaskState as WorkflowState,
  supervisionTaskStateQuery,
  supervisionTaskWorkflowId,
  supervisionTaskWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { SupervisionTask } from '../domain/supervision-task';

/**
 * Everything the supervision service says to a supervision task's workflow. Starts and signals
 * are commands stored with the state change that causes them (the workflow outbox); queries go
 * to Temporal directly.
 */
@Injectable()
export class SupervisionTaskWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  static workflowId(taskId: string): string {
    return supervisionTaskWorkflowId(taskId);
  }

  /** Started with the search attributes operators use in the Temporal UI. */
  start(task: SupervisionTask): WorkflowStart {
    const s = task.snapshot;
    const input: SupervisionTaskInput = {
      taskId: s.id,
      applicationId: s.applicationId,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      dueAt: s.dueAt.toISOString(),
    };
    return {
      kind: 'start',
      workflowId: s.workflowId,
      workflowType: supervisionTaskWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.projectCode, s.projectCode),
        storedSearchAttribute(SearchAttributes.itemCode, s.itemCode),
        storedSearchAttribute(SearchAttributes.departmentCode, s.departmentCode),
        storedSearchAttribute(SearchAttributes.regionCode, s.regionCode),
        storedSearchAttribute(SearchAttributes.obligationKind, 'supervision-feedback'),
        storedSearchAttribute(SearchAttributes.overdue, false),
        storedSearchAttribute(SearchAttributes.dueAt, s.dueAt),
      ],
    };
  }

  /** 监管结果反馈 reached the record: the workflow stops waiting. */
  feedbackGiven(task: SupervisionTask): WorkflowSignal {
    const s = task.snapshot;
    const feedback: SupervisionFeedback = { outcome: s.feedbackOutcome ?? '', givenAt: (s.feedbackAt ?? new Date()).toISOString() };
    return { kind: 'signal', workflowId: s.workflowId, signal: supervisionFeedbackSignal.name, args: [feedback], dedupeKey: 'feedback' };
  }

  /**
   * The deadline was computed again; the workflow waits for the new one. Each move is its own
   * signal (a deadline may move back and forth); a repeat that changes nothing makes no move.
   */
  deadlineMoved(task: SupervisionTask, reason: string): WorkflowSignal {
    const s = task.snapshot;
    const change: SupervisionDeadlineChange = { dueAt: s.dueAt.toISOString(), reason };
    return { kind: 'signal', workflowId: s.workflowId, signal: supervisionDeadlineChangedSignal.name, args: [change], dedupeKey: randomUUID() };
  }

  /** What the running workflow believes (status, deadline, feedback), for operators and tests. */
  async state(task: SupervisionTask): Promise<WorkflowState> {
    return this.temporal.workflow.getHandle(task.snapshot.workflowId).query(supervisionTaskStateQuery);
  }
}
