import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState } from './escalation-ladder';

/**
 * 双随机、一公开: a random-inspection campaign (抽查计划). One workflow per campaign,
 * `campaign-<id>`, started by supervision when the campaign is announced (its seed's SHA-256
 * published): the draw (an activity), the checks' results due (ladder when late), and the results
 * published (一公开) by the publication deadline (ladder when late).
 */
export const campaignWorkflowType = 'campaignWorkflow';
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

/** The ladder's settings for campaigns, from supervision's configuration. */
export interface CampaignLadderTerms {
  warningLeadWorkingDays: number;
  reminderGraceWorkingDays: number;
  escalationGraceWorkingDays: number;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  title: string;
  /** the organizing department: results and publication are its obligations */
  departmentCode: string;
  regionCode: string;
  ladder: CampaignLadderTerms;
}

/** What the draw activity did; deadlines computed by supervision in working days from the draw. */
export interface CampaignDrawSummary {
  visits: number;
  checks: number;
  shortfalls: number;
  resultsDueAt: string;
  publishDueAt: string;
  /** every check's result is in already (nothing was drawn) */
  resultsIn: boolean;
}

export interface CampaignProgress {
  at: string;
}

export type CampaignWorkflowStatus = 'drawing' | 'checking' | 'awaiting-publication' | 'published';

export interface CampaignWorkflowState {
  campaignId: string;
  status: CampaignWorkflowStatus;
  resultsDueAt: string | null;
  publishDueAt: string | null;
  resultsInAt: string | null;
  publishedAt: string | null;
  /** `results` and `publication` */
  escalation: Record<string, LadderState>;
}

/** every check slot of every visit has its result (from supervision.check-recorded.v1) */
export const campaignResultsInSignal = defineSignal<[CampaignProgress]>('campaignResultsIn');
/** the organizing department published the results (一公开) */
export const campaignPublishedSignal = defineSignal<[CampaignProgress]>('campaignPublished');
export const campaignStateQuery = defineQuery<CampaignWorkflowState>('campaignState');

/** Both deadlines computed again: an official holiday arrangement replaced the one they were counted with. */
export interface CampaignDeadlinesChange {
  resultsDueAt: string;
  publishDueAt: string;
  reason: string;
}
export const campaignDeadlinesMovedSignal = defineSignal<[CampaignDeadlinesChange]>('campaignDeadlinesMoved');
