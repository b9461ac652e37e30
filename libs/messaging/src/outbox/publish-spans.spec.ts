import { propagation, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { IntegrationEvent } from '@cityworks/contracts';
import { endPublishSpans, startPublishSpan } from './publish-spans';
import type { OutboxEvent } from './outbox-event.entity';

const requestTrace = '0af7651916cd43dd8448eb211c80319c';
const requestSpan = 'b7ad6b7169203331';

function row(traceParent: string | null): OutboxEvent {
  return {
    id: 'e1',
    topic: 'approval.events',
    type: 'approval.decided.v1',
    subject: 'a1',
    envelope: { id: 'e1', correlationid: 'corr-1' } as IntegrationEvent,
    traceParent,
    traceState: null,
  } as OutboxEvent;
}

describe('publish spans of the outbox relay', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    trace.setGlobalTracerProvider(provider);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  afterAll(() => {
    trace.disable();
    propagation.disable();
  });

  beforeEach(() => exporter.reset());

  it('publishes a row as a child of the request that wrote it and hands that on in the headers', () => {
    const publish = startPublishSpan(row(`00-${requestTrace}-${requestSpan}-01`), 'test.approval.events');
    endPublishSpans([publish]);
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceId).toBe(requestTrace);
    expect(span.parentSpanId).toBe(requestSpan);
    expect(span.kind).toBe(SpanKind.PRODUCER);
    expect(span.name).toBe('publish approval.decided.v1');
    expect(span.attributes).toMatchObject({ 'messaging.destination': 'test.approval.events', 'cityworks.correlation_id': 'corr-1' });
    expect(publish.headers.traceparent).toBe(`00-${requestTrace}-${span.spanContext().spanId}-01`);
  });

  it('starts a trace of its own for a row written while tracing was off', () => {
    const publish = startPublishSpan(row(null), 'test.approval.events');
    endPublishSpans([publish], new Error('broker down'));
    const [span] = exporter.getFinishedSpans();
    expect(span.parentSpanId).toBeUndefined();
    expect(span.status).toMatchObject({ message: 'broker down' });
    expect(publish.headers.traceparent).toContain(span.spanContext().traceId);
  });
});
