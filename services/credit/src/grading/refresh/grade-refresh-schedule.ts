import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { CreditGradeRefreshInput, creditGradeRefreshScheduleId, creditGradeRefreshWorkflowType, TaskQueues } from '@cityworks/contracts';
import { ScheduleKeeper, TEMPORAL_CLIENT } from '@cityworks/temporal';

/** Every day at 00:30 China time, looking back a week so a missed day is caught up. */
export function gradeRefreshScheduleOptions(idPrefix = ''): ScheduleOptions {
  const scheduleId = `${idPrefix}${creditGradeRefreshScheduleId}`;
  const input: CreditGradeRefreshInput = { lookBackDays: 7 };
  return {
    scheduleId,
    spec: { calendars: [{ hour: 0, minute: 30, comment: '每日 00:30 刷新到期记录的信用等级' }], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: creditGradeRefreshWorkflowType,
      taskQueue: TaskQueues.workflows,
      args: [input],
      workflowId: scheduleId,
      workflowExecutionTimeout: '1 day',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '2 days' },
    state: { note: '信用等级按日刷新 (credit grade refresh)' },
  };
}

/**
 * Keeps the daily grade refresh scheduled: created at start unless it exists, retried in the
 * background while Temporal is down. `CREDIT_GRADE_REFRESH_SCHEDULE=false` leaves it off (tests).
 */
@Injectable()
export class GradeRefreshSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly keeper: ScheduleKeeper;

  constructor(@Inject(TEMPORAL_CLIENT) temporal: Client) {
    this.keeper = new ScheduleKeeper(temporal, new Logger(GradeRefreshSchedule.name), 'credit grade refresh');
  }

  onApplicationBootstrap(): void {
    if (process.env.CREDIT_GRADE_REFRESH_SCHEDULE !== 'false') this.keeper.start([gradeRefreshScheduleOptions()]);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.keeper.stop();
  }
}
