import { Logger } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';
import { StopSignal } from '@cityworks/platform';

/** gRPC status UNIMPLEMENTED: a server without schedules (Temporal's time-skipping test server) */
const GRPC_UNIMPLEMENTED = 12;

/**
 * Keeps a service's Temporal Schedules in existence: creates each one that is missing and leaves
 * an existing one as it is (ScheduleAlreadyRunning), so every replica and every restart may try.
 * Temporal may be down when the service starts: `start()` returns at once and keeps trying in the
 * background, backing off up to five minutes, until all exist or `stop()` is called. A server
 * without schedules is noted once and left alone.
 */
export class ScheduleKeeper {
  private readonly stopSignal = new StopSignal();
  private running: Promise<void> | undefined;
  /** failed attempts so far and the last error, for operators and tests */
  failedAttempts = 0;
  lastError: string | null = null;
  /** true once every schedule exists */
  ensured = false;

  constructor(
    private readonly temporal: Client,
    private readonly logger: Logger,
    /** what the schedules are for, in log lines */
    private readonly purpose: string,
  ) {}

  /** Creates whichever of the schedules does not exist; `created` names those this call made. */
  async ensure(schedules: ScheduleOptions[]): Promise<{ created: string[]; existing: string[] }> {
    const created: string[] = [];
    const existing: string[] = [];
    for (const options of schedules) {
      try {
        await this.temporal.schedule.create(options);
        created.push(options.scheduleId);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        existing.push(options.scheduleId);
      }
    }
    return { created, existing };
  }

  start(schedules: ScheduleOptions[]): void {
    this.running ??= this.ensureWithRetry(schedules);
  }

  /** Stops trying; a call to an unreachable server may still wait for its deadline, so this waits at most two seconds. */
  async stop(): Promise<void> {
    this.stopSignal.stop();
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  private async ensureWithRetry(schedules: ScheduleOptions[]): Promise<void> {
    let wait = 1000;
    while (!this.stopSignal.stopped) {
      try {
        const { created } = await this.ensure(schedules);
        if (created.length) this.logger.log(`created the Temporal Schedules ${created.join(', ')}`);
        this.ensured = true;
        return;
      } catch (error) {
        this.failedAttempts++;
        this.lastError = (error as Error).message;
        const code = (error as { code?: number }).code ?? (error as { cause?: { code?: number } }).cause?.code;
        if (code === GRPC_UNIMPLEMENTED) {
          this.logger.warn(`this Temporal server does not support schedules (the time-skipping test server): ${this.purpose} run only on demand`);
          return;
        }
        this.logger.warn(`cannot create the ${this.purpose} schedules yet (retrying in ${wait / 1000}s): ${(error as Error).message}`);
        await this.stopSignal.sleep(wait);
        wait = Math.min(wait * 2, 300_000);
      }
    }
  }
}
