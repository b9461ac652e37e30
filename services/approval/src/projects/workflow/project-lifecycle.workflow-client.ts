import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  ApplicationAcceptedNotice,
  applicationAcceptedSignal,
  applicationRevokedSignal,
  ProjectLifecycleInput,
  ProjectLifecycleState,
  projectFactsChangedSignal,
  projectLifecycleStateQuery,
  projectLifecycleWorkflowId,
  projectLifecycleWorkflowType,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { Project } from '../domain/project';

/**
 * Everything approval says to a project's lifecycle workflow (`project-<code>`). Starts and
 * signals are commands stored with the state change that causes them (the workflow outbox);
 * queries go to Temporal directly.
 */
@Injectable()
export class ProjectLifecycleWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  static workflowId(projectCode: string): string {
    return projectLifecycleWorkflowId(projectCode);
  }

  /** 项目赋码 done: the project's life starts, findable by code, region, type and owner. */
  start(project: Project): WorkflowStart {
    const s = project.snapshot;
    const input: ProjectLifecycleInput = { projectCode: s.code, projectType: s.type, regionCode: s.regionCode, ownerUscc: s.ownerUscc, facts: { ...s.facts } };
    return {
      kind: 'start',
      workflowId: projectLifecycleWorkflowId(s.code),
      workflowType: projectLifecycleWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.projectCode, s.code),
        storedSearchAttribute(SearchAttributes.projectType, s.type),
        storedSearchAttribute(SearchAttributes.regionCode, s.regionCode),
        storedSearchAttribute(SearchAttributes.ownerUscc, s.ownerUscc),
        storedSearchAttribute(SearchAttributes.obligationKind, 'project'),
        storedSearchAttribute(SearchAttributes.overdue, false),
      ],
    };
  }

  /** The facts changed: the workflow asks the catalog again which items the open stages need. */
  factsChanged(project: Project): WorkflowSignal {
    const s = project.snapshot;
    return {
      kind: 'signal',
      workflowId: projectLifecycleWorkflowId(s.code),
      signal: projectFactsChangedSignal.name,
      args: [{ ...s.facts }],
      dedupeKey: randomUUID(),
    };
  }

  /** 受理: the project starts the application's workflow (并联审批). */
  applicationAccepted(projectCode: string, notice: ApplicationAcceptedNotice): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: projectLifecycleWorkflowId(projectCode),
      signal: applicationAcceptedSignal.name,
      args: [notice],
      dedupeKey: notice.applicationId,
    };
  }

  /** 撤销: the item's approval no longer stands. */
  applicationRevoked(projectCode: string, applicationId: string, revokedAt: Date): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: projectLifecycleWorkflowId(projectCode),
      signal: applicationRevokedSignal.name,
      args: [{ applicationId, revokedAt: revokedAt.toISOString() }],
      dedupeKey: `revoked:${applicationId}`,
    };
  }

  /** What the running workflow believes: stage, required items, applications and their clocks. */
  async state(projectCode: string): Promise<ProjectLifecycleState> {
    return this.temporal.workflow.getHandle(projectLifecycleWorkflowId(projectCode)).query(projectLifecycleStateQuery);
  }
}
