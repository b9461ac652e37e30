import type { NewIntegrationEvent } from '@cityworks/contracts';

/**
 * What one transition of a domain model caused: the line for the audit trail and the
 * integration events to publish. Models return it; the state-change path records it.
 */
export interface Transition {
  /** audit action, named after what happened: `application.decided`, `supervision-task.overdue` */
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  events: NewIntegrationEvent[];
}

/** A transition that found nothing to change (an idempotent repeat); nothing is recorded. */
export const NO_CHANGE = null;
export type MaybeTransition = Transition | typeof NO_CHANGE;
