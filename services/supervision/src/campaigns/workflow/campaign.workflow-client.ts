import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import {
  CampaignDeadlinesChange,
  campaignDeadlinesMovedSignal,
  campaignPublishedSignal,
  campaignResultsInSignal,
  campaignStateQuery,
  CampaignWorkflowInput,
  CampaignWorkflowState,
  campaignWorkflowId,
  campaignWorkflowType,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { storedSearchAttribute, WorkflowSignal, WorkflowStart } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import type { Campaign } from '../domain/campaign';
import type { CampaignTerms } from '../domain/campaign-terms';

/** What supervision says to a campaign's workflow (`campaign-<id>`), through the workflow outbox. */
@Injectable()
export class CampaignWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  static workflowId(campaignId: string): string {
    return campaignWorkflowId(campaignId);
  }

  start(campaign: Campaign, terms: CampaignTerms): WorkflowStart {
    const s = campaign.snapshot;
    const input: CampaignWorkflowInput = { campaignId: s.id, title: s.title, departmentCode: s.departmentCode, regionCode: s.regionCode, ladder: terms.ladder };
    return {
      kind: 'start',
      workflowId: s.workflowId,
      workflowType: campaignWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      searchAttributes: [
        storedSearchAttribute(SearchAttributes.departmentCode, s.departmentCode),
        storedSearchAttribute(SearchAttributes.regionCode, s.regionCode),
        storedSearchAttribute(SearchAttributes.obligationKind, 'campaign-results'),
        storedSearchAttribute(SearchAttributes.overdue, false),
      ],
    };
  }

  resultsIn(campaign: Campaign): WorkflowSignal {
    const s = campaign.snapshot;
    return {
      kind: 'signal',
      workflowId: s.workflowId,
      signal: campaignResultsInSignal.name,
      args: [{ at: s.resultsInAt!.toISOString() }],
      dedupeKey: 'results-in',
    };
  }

  published(campaign: Campaign): WorkflowSignal {
    const s = campaign.snapshot;
    return {
      kind: 'signal',
      workflowId: s.workflowId,
      signal: campaignPublishedSignal.name,
      args: [{ at: s.publishedAt!.toISOString() }],
      dedupeKey: 'published',
    };
  }

  /** Each move is its own signal (a deadline may move back and forth). */
  deadlinesMoved(campaign: Campaign, reason: string): WorkflowSignal {
    const s = campaign.snapshot;
    const change: CampaignDeadlinesChange = { resultsDueAt: s.resultsDueAt!.toISOString(), publishDueAt: s.publishDueAt!.toISOString(), reason };
    return { kind: 'signal', workflowId: s.workflowId, signal: campaignDeadlinesMovedSignal.name, args: [change], dedupeKey: randomUUID() };
  }

  async state(campaign: Campaign): Promise<CampaignWorkflowState> {
    return this.temporal.workflow.getHandle(campaign.snapshot.workflowId).query(campaignStateQuery);
  }
}
