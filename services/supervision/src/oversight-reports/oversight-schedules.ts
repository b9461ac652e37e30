import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { OversightReportInput, OversightReportKind, oversightReportScheduleId, oversightReportWorkflowType, TaskQueues } from '@cityworks/contracts';
import { ScheduleKeeper, TEMPORAL_CLIENT } from '@cityworks/temporal';
import { OversightConfig } from './oversight-config';

export const OVERSIGHT_TIMEZONE = 'Asia/Shanghai';

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
 * Creates the schedules when the service starts, once (an existing one is left as it is), trying
 * again in the background while Temporal is down ([ScheduleKeeper](../../../../libs/temporal/src/schedule-keeper.ts)).
 */
@Injectable()
export class OversightSchedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly keeper: ScheduleKeeper;

  constructor(
    @Inject(TEMPORAL_CLIENT) temporal: Client,
    private readonly config: OversightConfig,
  ) {
    this.keeper = new ScheduleKeeper(temporal, new Logger(OversightSchedules.name), 'oversight report');
  }

  /** failed attempts so far and the last error, for operators and tests */
  get failedAttempts(): number {
    return this.keeper.failedAttempts;
  }

  get lastError(): string | null {
    return this.keeper.lastError;
  }

  /** true once both schedules exist */
  get ensured(): boolean {
    return this.keeper.ensured;
  }

  private schedules(idPrefix = ''): ScheduleOptions[] {
    return (['monthly', 'quarterly'] as const).map((kind) => oversightScheduleOptions(kind, this.config.sampleSize, idPrefix));
  }

  onApplicationBootstrap(): void {
    if (this.config.schedulesEnabled) this.keeper.start(this.schedules());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.keeper.stop();
  }

  /** Creates whichever of the two schedules does not exist; `created` names those this call made. */
  ensure(idPrefix = ''): Promise<{ created: string[]; existing: string[] }> {
    return this.keeper.ensure(this.schedules(idPrefix));
  }
}
