import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import { activeTracing } from '@cityworks/tracing';

// the workflow worker reaches the tracing lib through this one
export { shutdownTracing } from '@cityworks/tracing';

/**
 * The workflow side of @temporalio/interceptors-opentelemetry, bundled with the workflows beside
 * workflows/src/correlation.interceptors.ts (the one module outside contracts that workflow code
 * takes in, ADR 0024). It continues the trace from the start's or signal's Temporal headers and
 * hands it to every activity the workflow schedules.
 */
export const TRACING_WORKFLOW_INTERCEPTORS_MODULE = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Starts and signals carry the caller's span in Temporal headers (none when tracing is off). */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  return activeTracing() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
}

/** Each activity runs in a span continuing its workflow's trace (none when tracing is off). */
export function tracingActivityInterceptors(): ActivityInterceptorsFactory[] {
  if (!activeTracing()) return [];
  return [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })];
}

/**
 * The sink through which the workflow interceptors in the bundle hand their spans out of the
 * sandbox. The bundle always has them (one bundle serves both modes), so the sink is always
 * registered; with tracing off it drops the spans.
 */
export function workflowTracingSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  if (tracing) return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
  return { exporter: { export: { fn: () => undefined } } };
}
