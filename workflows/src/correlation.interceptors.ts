import type { Payload, WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { CORRELATION_HEADER_KEY } from '@cityworks/contracts';

/**
 * Hands the correlation id a workflow was started with on to every activity it schedules, so
 * one id runs from the HTTP request through Kafka and Temporal into the activity's writes.
 * Module state is per workflow execution in the SDK's sandbox.
 */
let correlation: Payload | undefined;

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      execute: (input, next) => {
        correlation = input.headers[CORRELATION_HEADER_KEY];
        return next(input);
      },
    },
  ],
  outbound: [
    {
      scheduleActivity: (input, next) => next(correlation ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER_KEY]: correlation } } : input),
      scheduleLocalActivity: (input, next) => next(correlation ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER_KEY]: correlation } } : input),
    },
  ],
});
