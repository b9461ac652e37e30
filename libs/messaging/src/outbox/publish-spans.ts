import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { contextFromStored, CORRELATION_ATTRIBUTE } from '@cityworks/tracing';
import type { OutboxEvent } from './outbox-event.entity';

const tracer = trace.getTracer('cityworks-outbox-relay');

export interface PublishSpan {
  span: Span;
  /** traceparent (and tracestate) of the publish span, for the Kafka message's headers */
  headers: Record<string, string>;
}

/**
 * A PRODUCER span for one outbox row, the child of the span that wrote the row in the request's
 * transaction: the publish happens later, in the relay, but belongs to the same trace. The
 * consumer continues from the headers it returns. Without tracing the span is a no-op and the
 * headers are empty.
 */
export function startPublishSpan(row: OutboxEvent, physicalTopic: string): PublishSpan {
  const span = tracer.startSpan(
    `publish ${row.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination': physicalTopic,
        'messaging.message.id': row.envelope.id,
        'cloudevents.event_type': row.type,
        [CORRELATION_ATTRIBUTE]: row.envelope.correlationid,
      },
    },
    contextFromStored({ traceparent: row.traceParent, tracestate: row.traceState }),
  );
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return { span, headers };
}

export function endPublishSpans(spans: PublishSpan[], error?: Error): void {
  for (const { span } of spans) {
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
  }
}

/**
 * Runs the batch send with kafkajs's own instrumentation silenced: it would make one span per
 * message under whatever is active — one context for the whole batch — and overwrite each
 * message's traceparent with it, tearing every event from its request's trace.
 */
export function sendUntraced<T>(send: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), send);
}
