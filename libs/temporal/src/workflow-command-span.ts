import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { WorkflowCommand } from '@cityworks/messaging';
import { contextFromStored, CORRELATION_ATTRIBUTE } from '@cityworks/tracing';

const tracer = trace.getTracer('cityworks-workflow-command-relay');

export interface TracedCommandRow {
  command: WorkflowCommand;
  correlation_id: string | null;
  trace_parent: string | null;
  trace_state: string | null;
}

/**
 * Delivers one workflow command inside a span whose parent is the span that wrote the command
 * (the request or the Kafka consumer): the start or signal happens later, in the relay, but in
 * the same trace. Temporal's client interceptor makes its own span beneath this one and carries
 * it to the workflow in Temporal headers. A no-op span when tracing is off.
 */
export function inWorkflowCommandSpan<T>(row: TracedCommandRow, deliver: () => Promise<T>): Promise<T> {
  const { command } = row;
  return tracer.startActiveSpan(
    `workflow-command ${command.kind} ${command.kind === 'start' ? command.workflowType : command.signal}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'temporal.workflow_id': command.workflowId,
        ...(row.correlation_id ? { [CORRELATION_ATTRIBUTE]: row.correlation_id } : {}),
      },
    },
    contextFromStored({ traceparent: row.trace_parent, tracestate: row.trace_state }),
    async (span) => {
      try {
        const outcome = await deliver();
        if (typeof outcome === 'string') span.setAttribute('cityworks.workflow_command.outcome', outcome);
        return outcome;
      } catch (e) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}
