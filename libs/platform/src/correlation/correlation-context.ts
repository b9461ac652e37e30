import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@cityworks/contracts';
import { markCorrelation } from '@cityworks/tracing';

/**
 * The request context: the correlation id follows one business action across HTTP, Kafka
 * headers and Temporal, so an operator can grep one id through every service's logs; the
 * user is who the audit trail names.
 */
export const CORRELATION_HEADER = 'x-correlation-id';

interface RequestStore {
  correlationId: string;
  user?: AuthUser;
  /** who acts when there is no user: a Kafka consumer or a Temporal activity */
  systemActor?: string;
}

const storage = new AsyncLocalStorage<RequestStore>();

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentUser(): AuthUser | undefined {
  return storage.getStore()?.user;
}

export function currentActor(): { userId: string; departmentCode: string | null } {
  const store = storage.getStore();
  if (store?.user) return { userId: store.user.userId, departmentCode: store.user.departmentCode };
  return { userId: store?.systemActor ?? 'system', departmentCode: null };
}

/** Called by the auth guard once the token is verified. */
export function bindUser(user: AuthUser): void {
  const store = storage.getStore();
  if (store) store.user = user;
}

export function runWithCorrelationId<T>(correlationId: string | undefined, fn: () => T, systemActor?: string): T {
  const id = correlationId || randomUUID();
  // the span this runs under (the HTTP request's, the Kafka message's, the activity's) carries the
  // id, and its children inherit it, so a trace is found by the id (no-op when tracing is off)
  markCorrelation(id);
  return storage.run({ correlationId: id, systemActor }, fn);
}

/** Accepts a caller's id only when it looks like an id, so headers cannot inject log noise. */
export function sanitizeCorrelationId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : undefined;
}
