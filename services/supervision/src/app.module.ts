import { Module } from '@nestjs/common';
import { Topics, TaskQueues } from '@cityworks/contracts';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { CalendarArrangementCopy } from '@cityworks/calendar-sync';
import { SupervisionTaskRecord } from './supervision-tasks/persistence/supervision-task.record';
import { SupervisionTasksModule } from './supervision-tasks/supervision-tasks.module';
import { ApprovalDecidedHandler } from './events/approval-decided.handler';
import { SupervisionActivitiesImpl } from './activities/supervision.activities';
import { supervisionMigrations } from './migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'supervision',
      schema: 'supervision',
      entities: [SupervisionTaskRecord, CalendarArrangementCopy, OutboxEvent, InboxEvent],
      migrations: supervisionMigrations,
    }),
    MessagingModule.forService({ service: 'supervision', subscribeTo: [Topics.approval, Topics.catalog] }),
    TemporalModule.forService({ taskQueue: TaskQueues.supervision, activities: SupervisionActivitiesImpl }),
    SupervisionTasksModule,
  ],
  providers: [ApprovalDecidedHandler, SupervisionActivitiesImpl],
})
export class AppModule {}
