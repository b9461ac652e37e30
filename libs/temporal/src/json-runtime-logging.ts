import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { currentCorrelationId } from '@cityworks/platform';

const PINO_LEVELS: Record<LogLevel, number> = { TRACE: 10, DEBUG: 20, INFO: 30, WARN: 40, ERROR: 50 };

/**
 * The Temporal SDK logs (worker state, activity failures, workflow task errors) as the same JSON
 * lines the services write, with the service name and correlation id, instead of free text.
 * The runtime is per process; in a test process hosting several services the first one wins.
 */
export function installJsonRuntimeLogging(service: string): void {
  const level = (process.env.TEMPORAL_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'WARN' : 'INFO')) as LogLevel;
  try {
    Runtime.install({
      logger: new DefaultLogger(level, (entry) => {
        const { sdkComponent, ...meta } = (entry.meta ?? {}) as Record<string, unknown>;
        const correlationId = currentCorrelationId();
        process.stdout.write(
          JSON.stringify({
            level: PINO_LEVELS[entry.level],
            time: Math.floor(Number(entry.timestampNanos / 1_000_000n)),
            service,
            context: `temporal${sdkComponent ? `:${sdkComponent}` : ''}`,
            msg: entry.message,
            ...(correlationId ? { correlationId } : {}),
            ...meta,
          }) + '\n',
        );
      }),
    });
  } catch (e) {
    if (!/already (been )?installed|instantiated/i.test((e as Error).message)) throw e;
  }
}
