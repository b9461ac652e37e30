import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  applicationClockChangedSignal,
  applicationDecidedSignal,
  applicationStateQuery,
  applicationWorkflowId,
  ApplicationWorkflowState,
} from '@cityworks/contracts';
import { WorkflowSignal } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { Application } from '../domain/application';

/**
 * Everything approval says to an application's workflow (`application-<id>`, started by its
 * project's lifecycle workflow). Signals are commands stored with the state change that causes
 * them; one that finds no workflow yet is not needed, because the workflow reads the record
 * when it starts.
 */
@Injectable()
export class ApplicationWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  decided(application: Application): WorkflowSignal {
    const s = application.snapshot;
    return {
      kind: 'signal',
      workflowId: applicationWorkflowId(s.id),
      signal: applicationDecidedSignal.name,
      args: [{ decision: s.status === 'rejected' ? 'rejected' : 'approved', decidedAt: (s.decidedAt ?? new Date()).toISOString() }],
      dedupeKey: 'decided',
    };
  }

  /** The clock stopped (dueAt null) or runs again with a moved deadline; each change its own signal. */
  clockChanged(application: Application, dueAt: Date | null, cause: string): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: applicationWorkflowId(application.id),
      signal: applicationClockChangedSignal.name,
      args: [{ dueAt: dueAt?.toISOString() ?? null, cause }],
      dedupeKey: randomUUID(),
    };
  }

  async state(applicationId: string): Promise<ApplicationWorkflowState> {
    return this.temporal.workflow.getHandle(applicationWorkflowId(applicationId)).query(applicationStateQuery);
  }
}
