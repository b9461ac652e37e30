import { context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { CorrelationAttributeProcessor } from './correlation-attribute.processor';
import { CORRELATION_ATTRIBUTE } from './trace-context';

describe('the correlation id on every span under the one it was set on', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new CorrelationAttributeProcessor(), new SimpleSpanProcessor(exporter)] }).getTracer('test');

  it('copies it from the local parent to its children and theirs', () => {
    const request = tracer.startSpan('request');
    request.setAttribute(CORRELATION_ATTRIBUTE, 'corr-1');
    const handler = tracer.startSpan('handler', {}, trace.setSpan(context.active(), request));
    const query = tracer.startSpan('query', {}, trace.setSpan(context.active(), handler));
    for (const span of [query, handler, request]) span.end();
    expect(exporter.getFinishedSpans().map((s) => [s.name, s.attributes[CORRELATION_ATTRIBUTE]])).toEqual([
      ['query', 'corr-1'],
      ['handler', 'corr-1'],
      ['request', 'corr-1'],
    ]);
  });

  it('leaves a span without a parent that has one as it is', () => {
    exporter.reset();
    tracer.startSpan('relay poll').end();
    expect(exporter.getFinishedSpans()[0].attributes[CORRELATION_ATTRIBUTE]).toBeUndefined();
  });
});
