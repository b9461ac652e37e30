import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import type { IntegrationEvent } from '@cityworks/contracts';

const tracer = trace.getTracer('cityworks-event-consumer');

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

/**
 * Runs a consumer's handling of one event in a span of the trace the event was published in.
 * kafkajs's instrumentation, when the SDK loaded before kafkajs, has already opened its process
 * span from the message's traceparent and this span is its child; otherwise the header is read
 * here, so the trace still continues. A no-op span when tracing is off.
 */
export function inConsumeSpan<T>(event: IntegrationEvent, consumer: string, headers: IHeaders | undefined, handle: () => Promise<T>): Promise<T> {
  const underKafkaSpan = trace.getSpan(context.active()) !== undefined;
  const parent = underKafkaSpan ? context.active() : propagation.extract(ROOT_CONTEXT, headerText(headers));
  return tracer.startActiveSpan(
    `consume ${event.type}`,
    {
      kind: underKafkaSpan ? SpanKind.INTERNAL : SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': event.id,
        'cloudevents.event_type': event.type,
      },
    },
    parent,
    async (span) => {
      try {
        return await handle();
      } catch (e) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}
