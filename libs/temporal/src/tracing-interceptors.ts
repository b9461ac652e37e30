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

/**
 * The workflow interceptor modules tracing adds: OpenTelemetry's when tracing is on, none when it
 * is off. Its spans cost about a third of the workflow thread's time even when the sink drops them
 * (measured 2026-12-01), so a worker without tracing runs a bundle without them (ADR 0024).
 */
export function tracingWorkflowInterceptorModules(): string[] {
  return activeTracing() ? [TRACING_WORKFLOW_INTERCEPTORS_MODULE] : [];
}

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
 * The sink through which the workflow interceptors in the traced bundle hand their spans out of
 * the sandbox. It is always registered, so a traced bundle run by a worker without tracing
 * (WORKFLOW_BUNDLE_PATH set by hand) drops its spans instead of failing.
 */
export function workflowTracingSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = activeTracing();
  if (tracing) return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
  return { exporter: { export: { fn: () => undefined } } };
}
