import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { OversightReportInput, OversightReportKind, oversightReportScheduleId, oversightReportWorkflowType, TaskQueues } from '@cityworks/contracts';
import { StopSignal } from '@cityworks/platform';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { OversightConfig } from './oversight-config';

export const OVERSIGHT_TIMEZONE = 'Asia/Shanghai';

/** gRPC status UNIMPLEMENTED: a server without schedules */
const GRPC_UNIMPLEMENTED = 12;

/**
 * The two Temporal Schedules of the oversight reports, in China time:
 * - monthly 通报: the 1st of every month at 02:00, for the month before;
 * - quarterly 督查评分: 1 January, April, July and October at 03:00, for the quarter before.
 * A run carries no period: the workflow takes the previous month or quarter of its own start time.
 * `idPrefix` lets a test keep its own schedules apart.
 */
export function oversightScheduleOptions(kind: OversightReportKind, sampleSize: number, idPrefix = ''): ScheduleOptions {
  const scheduleId = `${idPrefix}${oversightReportScheduleId(kind)}`;
  const input: OversightReportInput = kind === 'monthly' ? { kind, sampleSize } : { kind };
  return {
    scheduleId,
    spec: {
      calendars:
        kind === 'monthly'
          ? [{ dayOfMonth: 1, hour: 2, minute: 0, comment: '每月1日 02:00 生成上月通报' }]
          : [{ month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'], dayOfMonth: 1, hour: 3, minute: 0, comment: '每季度首月1日 03:00 生成上季度督查评分' }],
      timezone: OVERSIGHT_TIMEZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: oversightReportWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      // a run's id is this plus the action's time; the report itself stays one per period
      workflowId: scheduleId,
      workflowExecutionTimeout: '1 day',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    state: { note: kind === 'monthly' ? '工改办月度通报 (oversight-report monthly)' : '工改办季度督查评分 (oversight-report quarterly)' },
  };
}

/**
 * Creates the schedules when the service starts, once: an existing schedule of the same id is
 * left as it is (ScheduleAlreadyRunning), so every replica and every restart may try. Temporal
 * may be down at start: the service starts anyway and tries again in the background, backing off
 * up to five minutes, until both exist or the service stops.
 */
@Injectable()
export class OversightSchedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OversightSchedules.name);
  private readonly stop = new StopSignal();
  private running: Promise<void> | undefined;
  /** failed attempts so far and the last error, for operators and tests */
  failedAttempts = 0;
  lastError: string | null = null;
  /** true once both schedules exist */
  ensured = false;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly config: OversightConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulesEnabled) return;
    this.running = this.ensureWithRetry();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.stop();
    // a call to an unreachable server may still be waiting for its deadline: do not hold the shutdown for it
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  /** Creates whichever of the two schedules does not exist; `created` names those this call made. */
  async ensure(idPrefix = ''): Promise<{ created: string[]; existing: string[] }> {
    const created: string[] = [];
    const existing: string[] = [];
    for (const kind of ['monthly', 'quarterly'] as const) {
      const options = oversightScheduleOptions(kind, this.config.sampleSize, idPrefix);
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

  private async ensureWithRetry(): Promise<void> {
    let wait = 1000;
    while (!this.stop.stopped) {
      try {
        const { created } = await this.ensure();
        if (created.length) this.logger.log(`created the Temporal Schedules ${created.join(', ')}`);
        this.ensured = true;
        return;
      } catch (error) {
        this.failedAttempts++;
        this.lastError = (error as Error).message;
        const code = (error as { code?: number }).code ?? (error as { cause?: { code?: number } }).cause?.code;
        if (code === GRPC_UNIMPLEMENTED) {
          this.logger.warn('this Temporal server does not support schedules (the time-skipping test server): the oversight reports run only on demand');
          return;
        }
        this.logger.warn(`cannot create the oversight report schedules yet (retrying in ${wait / 1000}s): ${(error as Error).message}`);
        await this.stop.sleep(wait);
        wait = Math.min(wait * 2, 300_000);
      }
    }
  }
}
