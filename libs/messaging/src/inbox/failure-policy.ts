import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, RuleViolation } from '@cityworks/platform';
import { MalformedEventError } from '../kafka/kafka-message';

/** Thrown by a handler that knows retrying cannot help (the event breaks a rule of this service). */
export class PermanentEventError extends Error {
  override name = 'PermanentEventError';
}

/**
 * Whether retrying an event can ever succeed. Only errors that retrying cannot fix — a
 * malformed payload, a broken rule, bad data, a programming error — park the event; an outage
 * of a server we depend on (Postgres, Temporal, Kafka) keeps it retrying, so it delays the
 * effect and never loses it.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof MalformedEventError || error instanceof PermanentEventError || error instanceof RuleViolation) return true;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  if (isDatabaseUnavailable(error)) return false;
  if (error instanceof QueryFailedError) {
    const code = (error as QueryFailedError & { code?: string }).code ?? '';
    // data exceptions and broken constraints repeat on every attempt; deadlocks and
    // serialization failures (40xxx) and the rest are worth retrying
    return code.startsWith('22') || code === '23502' || code === '23514';
  }
  return error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError;
}
