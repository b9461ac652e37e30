import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  publicationDueMovedSignal,
  PublicationDueMoved,
  PublicationLadderTerms,
  publicationMadeSignal,
  PublicationWithdrawn,
  publicationWithdrawnSignal,
  PublicationWorkflowInput,
  publicationWorkflowId,
  publicationWorkflowType,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import type { Publication } from './publication.entity';

/**
 * What credit says to a publication's workflow (`publication-<id>`), as commands stored with the
 * state change (the workflow outbox). Only ids, codes, the decision's reference and the deadline travel.
 */
@Injectable()
export class PublicationWorkflowClient {
  start(p: Publication, ladder: PublicationLadderTerms): WorkflowStart {
    const input: PublicationWorkflowInput = {
      publicationId: p.id,
      kind: p.kind,
      departmentCode: p.departmentCode,
      regionCode: p.regionCode,
      reference: p.fields.documentNumber ?? p.sourceRef,
      dueAt: p.dueAt.toISOString(),
      ladder,
    };
    return {
      kind: 'start',
      workflowId: publicationWorkflowId(p.id),
      workflowType: publicationWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.departmentCode, p.departmentCode),
        ...(p.regionCode ? [storedSearchAttribute(SearchAttributes.regionCode, p.regionCode)] : []),
        storedSearchAttribute(SearchAttributes.obligationKind, 'publication'),
        storedSearchAttribute(SearchAttributes.overdue, false),
        storedSearchAttribute(SearchAttributes.dueAt, p.dueAt),
      ],
    };
  }

  published(p: Publication): WorkflowSignal {
    return {
      kind: 'signal',
      workflowId: publicationWorkflowId(p.id),
      signal: publicationMadeSignal.name,
      args: [{ publishedAt: (p.publishedAt ?? new Date()).toISOString() }],
      dedupeKey: 'published',
    };
  }

  withdrawn(p: Publication): WorkflowSignal {
    const withdrawal: PublicationWithdrawn = { withdrawnAt: (p.withdrawnAt ?? new Date()).toISOString(), reason: p.withdrawnReason ?? '' };
    return { kind: 'signal', workflowId: publicationWorkflowId(p.id), signal: publicationWithdrawnSignal.name, args: [withdrawal], dedupeKey: 'withdrawn' };
  }

  /** Each recomputation is its own signal (a deadline may move back and forth). */
  dueMoved(p: Publication, reason: string): WorkflowSignal {
    const change: PublicationDueMoved = { dueAt: p.dueAt.toISOString(), reason };
    return { kind: 'signal', workflowId: publicationWorkflowId(p.id), signal: publicationDueMovedSignal.name, args: [change], dedupeKey: randomUUID() };
  }
}
