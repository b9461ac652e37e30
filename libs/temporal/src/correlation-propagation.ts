import { defaultPayloadConverter, Headers } from '@temporalio/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { CORRELATION_HEADER_KEY } from '@cityworks/contracts';
import { currentCorrelationId, runWithCorrelationId } from '@cityworks/platform';

function withCorrelation(headers: Headers): Headers {
  const id = currentCorrelationId();
  return id ? { ...headers, [CORRELATION_HEADER_KEY]: defaultPayloadConverter.toPayload(id) } : headers;
}

/**
 * Puts the current correlation id in a Temporal header on every start and signal, so the
 * workflow (see workflows/src/correlation.interceptors.ts) hands it on to its activities.
 */
export const correlationClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, headers: withCorrelation(input.headers) }),
  startWithDetails: (input, next) => next({ ...input, headers: withCorrelation(input.headers) }),
  signal: (input, next) => next({ ...input, headers: withCorrelation(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withCorrelation(input.headers) }),
};

/** Runs each activity under the correlation id its workflow received. */
export const correlationActivityInterceptors: ActivityInterceptorsFactory = () => ({
  inbound: {
    execute: (input, next) => {
      const payload = input.headers[CORRELATION_HEADER_KEY];
      const id = payload ? defaultPayloadConverter.fromPayload<string>(payload) : undefined;
      return runWithCorrelationId(id, () => next(input));
    },
  },
});
