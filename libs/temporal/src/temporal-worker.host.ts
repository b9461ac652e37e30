import { BeforeApplicationShutdown, HttpException, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { currentCorrelationId, readInfraConfig, RuleViolation, runWithCorrelationId, StopSignal } from '@cityworks/platform';
import { correlationActivityInterceptors } from './correlation-propagation';
import { tracingActivityInterceptors } from './tracing-interceptors';
import { temporalConnectionOptions } from './connection-options';
import { TEMPORAL_OPTIONS, TemporalServiceOptions } from './temporal.options';
import { activityMethods } from './activity-methods';

/**
 * A 4xx or a broken business rule from service code (not found, conflict, bad input) cannot be fixed by retrying: fail the
 * workflow's call at once, named, instead of retrying it forever.
 */
export function failWithoutRetryOnClientError(error: unknown): never {
  if (error instanceof RuleViolation) throw ApplicationFailure.nonRetryable(error.message, error.name);
  if (error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500) {
    throw ApplicationFailure.nonRetryable(error.message, error.constructor.name);
  }
  throw error;
}

/**
 * Runs the service's activity worker inside the service process. Temporal may be down when the
 * service starts; the worker keeps trying and the HTTP API serves meanwhile.
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private worker: Worker | undefined;
  private connection: NativeConnection | undefined;
  private running: Promise<void> | undefined;
  private readonly stop = new StopSignal();

  constructor(
    @Inject(TEMPORAL_OPTIONS) private readonly options: TemporalServiceOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  onApplicationBootstrap(): void {
    if (!this.options.activities || process.env.TEMPORAL_WORKER_ENABLED === 'false') return;
    this.running = this.runWithRetry();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.stop();
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close().catch(() => undefined);
  }

  private async runWithRetry(): Promise<void> {
    const infra = readInfraConfig();
    const actor = `temporal:${this.options.taskQueue}`;
    const activities = Object.fromEntries(
      Object.entries(activityMethods(this.moduleRef.get(this.options.activities!, { strict: false }))).map(([name, fn]) => [
        name,
        // the audit trail names the worker as the actor of what an activity changes
        (...args: unknown[]) => runWithCorrelationId(currentCorrelationId(), () => fn(...args).catch(failWithoutRetryOnClientError), actor),
      ]),
    );
    let wait = 500;
    while (!this.stop.stopped) {
      try {
        this.connection = await NativeConnection.connect(temporalConnectionOptions());
        this.worker = await Worker.create({
          connection: this.connection,
          namespace: infra.temporalNamespace,
          taskQueue: this.options.taskQueue,
          activities,
          // the tracing span outermost, so the correlation id is set on it (runWithCorrelationId)
          interceptors: { activity: [...tracingActivityInterceptors(), correlationActivityInterceptors] },
          shutdownGraceTime: '10s',
        });
        this.logger.log(`activity worker on task queue ${this.options.taskQueue} (${Object.keys(activities).join(', ')})`);
        wait = 500;
        await this.worker.run();
        if (this.stop.stopped) return;
        this.logger.warn('activity worker stopped; restarting');
      } catch (e) {
        if (this.stop.stopped) return;
        this.logger.warn(`activity worker cannot run yet: ${(e as Error).message}`);
      }
      await this.connection?.close().catch(() => undefined);
      this.connection = undefined;
      await this.stop.sleep(wait);
      wait = Math.min(wait * 2, 5000);
    }
  }
}
