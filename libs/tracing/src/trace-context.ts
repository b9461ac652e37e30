import { Context, context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

/** The span attribute that carries ADR 0003's correlation id, so a trace is found by it in Zipkin. */
export const CORRELATION_ATTRIBUTE = 'cityworks.correlation_id';

/** The W3C trace context of a span, as an outbox row or a workflow command keeps it. */
export interface StoredTraceContext {
  traceparent: string | null;
  tracestate: string | null;
}

/**
 * The active span's W3C trace context, to store beside a row that is delivered later by a relay.
 * Both null when tracing is off (the API's propagator injects nothing) or no span is active.
 */
export function currentTraceContext(active: Context = context.active()): StoredTraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return { traceparent: carrier.traceparent ?? null, tracestate: carrier.tracestate ?? null };
}

/** The context a relay continues from: the stored span as a remote parent, or a fresh root. */
export function contextFromStored(stored: Partial<StoredTraceContext>): Context {
  if (!stored.traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent: stored.traceparent };
  if (stored.tracestate) carrier.tracestate = stored.tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/**
 * Puts the correlation id on the active span and on the request's server span, which is not the
 * active one while Express middleware runs (each middleware has its own span). Zipkin then finds
 * the trace by the id from its first span; a no-op when tracing is off.
 */
export function markCorrelation(correlationId: string): void {
  const active = context.active();
  trace.getSpan(active)?.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
  const request = getRPCMetadata(active);
  if (request?.type === RPCType.HTTP) request.span?.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
}
