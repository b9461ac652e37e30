import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LadderState, LadderTerms } from './escalation-ladder';

/**
 * 双公示: every administrative permit decision (行政许可) and every penalty (行政处罚) is published
 * by the deciding department within a period of the decision (7 working days by the national rule).
 * One workflow per publication, `publication-<id>`, started when credit learns of the decision;
 * the obligation climbs the escalation ladder against the deciding department until it publishes.
 */
export const publicationWorkflowType = 'publicationWorkflow';
export const publicationWorkflowId = (publicationId: string) => `publication-${publicationId}`;

/** 行政许可 or 行政处罚 */
export const PublicationKinds = ['permit', 'penalty'] as const;
export type PublicationKind = (typeof PublicationKinds)[number];

/** The ladder's settings for publications, from the credit service's configuration. */
export type PublicationLadderTerms = Pick<LadderTerms, 'warningLeadWorkingDays' | 'reminderGraceWorkingDays' | 'escalationGraceWorkingDays'>;

export interface PublicationWorkflowInput {
  publicationId: string;
  kind: PublicationKind;
  /** the deciding department, which must publish */
  departmentCode: string;
  /** where the letters are written from; null: the department's own region (from the catalog) */
  regionCode: string | null;
  /** the decision published: 许可文书号 / 处罚决定书文号, or the application id until it is known */
  reference: string;
  /** computed by the credit service from the decision; the workflow only waits */
  dueAt: string;
  ladder: PublicationLadderTerms;
}

export interface PublicationMade {
  publishedAt: string;
}

/** The deadline computed again (a holiday arrangement changed). */
/** The decision was revoked (撤销): nothing is left to publish. */
export interface PublicationWithdrawn {
  withdrawnAt: string;
  reason: string;
}

export interface PublicationDueMoved {
  dueAt: string;
  reason: string;
}

export interface PublicationWorkflowState {
  publicationId: string;
  status: 'pending' | 'published' | 'withdrawn';
  dueAt: string;
  overdue: boolean;
  publishedAt: string | null;
  escalation: LadderState;
}

export const publicationMadeSignal = defineSignal<[PublicationMade]>('publicationMade');
export const publicationWithdrawnSignal = defineSignal<[PublicationWithdrawn]>('publicationWithdrawn');
export const publicationDueMovedSignal = defineSignal<[PublicationDueMoved]>('publicationDueMoved');
export const publicationStateQuery = defineQuery<PublicationWorkflowState>('publicationState');
