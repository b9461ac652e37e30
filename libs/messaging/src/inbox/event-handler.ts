import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@cityworks/contracts';

/**
 * Handles one event type inside the transaction that also records the event id in the inbox,
 * so the effect and the "seen" mark commit together.
 */
export interface IntegrationEventHandler<T = unknown> {
  handle(event: IntegrationEvent<T>, manager: EntityManager): Promise<void>;
}
