import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  SearchAttributes,
  SupervisionObligationInput,
  supervisionObligationMetSignal,
  SupervisionObligationState,
  supervisionObligationStateQuery,
  supervisionObligationWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { SupervisionTerms } from '../domain/reporting-terms';

export type ObligationSpec = Omit<SupervisionObligationInput, 'warningLeadWorkingDays' | 'reminderGraceWorkingDays' | 'escalationGraceWorkingDays'>;

/**
 * What supervision says to the workflows of its own deadlines (an action's report, a task's
 * feedback): starts and signals are commands stored with the change that causes them (the
 * workflow outbox); the query goes to Temporal directly.
 */
@Injectable()
export class SupervisionObligationWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  start(workflowId: string, spec: ObligationSpec, terms: SupervisionTerms): WorkflowStart {
    const input: SupervisionObligationInput = {
      ...spec,
      warningLeadWorkingDays: terms.warningLeadWorkingDays,
      reminderGraceWorkingDays: terms.reminderGraceWorkingDays,
      escalationGraceWorkingDays: terms.escalationGraceWorkingDays,
    };
    return {
      kind: 'start',
      workflowId,
      workflowType: supervisionObligationWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.departmentCode, spec.departmentCode),
        storedSearchAttribute(SearchAttributes.regionCode, spec.regionCode),
        ...(spec.itemCode ? [storedSearchAttribute(SearchAttributes.itemCode, spec.itemCode)] : []),
        storedSearchAttribute(SearchAttributes.obligationKind, spec.kind),
        storedSearchAttribute(SearchAttributes.overdue, false),
        storedSearchAttribute(SearchAttributes.dueAt, spec.dueAt),
      ],
    };
  }

  /** the report or feedback reached the record: the workflow stops waiting and the ladder stops */
  met(workflowId: string, at: Date): WorkflowSignal {
    return { kind: 'signal', workflowId, signal: supervisionObligationMetSignal.name, args: [{ at: at.toISOString() }], dedupeKey: 'met' };
  }

  state(workflowId: string): Promise<SupervisionObligationState> {
    return this.temporal.workflow.getHandle(workflowId).query(supervisionObligationStateQuery);
  }
}
