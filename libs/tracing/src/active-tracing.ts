import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What a started SDK shares with code that exports spans itself (the workflow worker's sink). */
export interface ActiveTracing {
  serviceName: string;
  resource: Resource;
  /** the processor that sends to Zipkin; workflow spans made in Temporal's sandbox go through it too */
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

// on globalThis rather than in module state: the preload and the app may reach this file by two
// paths (dist through the path aliases, or a test's source), and there is one SDK per process
const KEY = Symbol.for('cityworks.tracing');
type Holder = { [KEY]?: ActiveTracing };

export function setActiveTracing(tracing: ActiveTracing): void {
  (globalThis as Holder)[KEY] = tracing;
}

/** The started SDK, or undefined when tracing is off in this process. */
export function activeTracing(): ActiveTracing | undefined {
  return (globalThis as Holder)[KEY];
}

/** Sends what is still buffered; a process calls it on its way out. */
export async function shutdownTracing(): Promise<void> {
  await activeTracing()
    ?.shutdown()
    .catch(() => undefined);
}

/** Sends what is buffered now, leaving the SDK running (a process hosting several apps keeps tracing). */
export async function flushTracing(): Promise<void> {
  await activeTracing()
    ?.spanProcessor.forceFlush()
    .catch(() => undefined);
}
