import { propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { contextFromStored, currentTraceContext } from './trace-context';

const traceId = '0af7651916cd43dd8448eb211c80319c';
const spanId = 'b7ad6b7169203331';

describe('trace context kept beside a row', () => {
  afterEach(() => propagation.disable());

  it('stores nothing while tracing is off (no propagator registered)', () => {
    const active = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    expect(currentTraceContext(active)).toEqual({ traceparent: null, tracestate: null });
  });

  it('stores the active span as W3C traceparent and continues from it as a remote parent', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const active = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    const stored = currentTraceContext(active);
    expect(stored).toEqual({ traceparent: `00-${traceId}-${spanId}-01`, tracestate: null });
    expect(trace.getSpanContext(contextFromStored(stored))).toMatchObject({ traceId, spanId, isRemote: true });
  });

  it('starts a new trace for a row written without one', () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    expect(trace.getSpanContext(contextFromStored({ traceparent: null, tracestate: null }))).toBeUndefined();
  });
});
