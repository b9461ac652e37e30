import { Context, trace } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { CORRELATION_ATTRIBUTE } from './trace-context';

/**
 * Copies the correlation id from a span's local parent onto the span, so every span under the
 * request (queries, Kafka, Temporal calls) carries it, not only the one the id was set on.
 * A remote parent has no attributes to copy; the receiving side sets the id again from the
 * envelope or the Temporal header (runWithCorrelationId in @cityworks/platform).
 */
export class CorrelationAttributeProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext) as { attributes?: Record<string, unknown> } | undefined;
    const id = parent?.attributes?.[CORRELATION_ATTRIBUTE];
    if (typeof id === 'string' && span.attributes[CORRELATION_ATTRIBUTE] === undefined) span.setAttribute(CORRELATION_ATTRIBUTE, id);
  }

  onEnd(_span: ReadableSpan): void {
    // nothing to do once a span ends: the exporting processor after this one sends it
  }

  forceFlush(): Promise<void> {
    return Promise.resolve(); // holds nothing
  }

  shutdown(): Promise<void> {
    return Promise.resolve(); // holds nothing
  }
}
