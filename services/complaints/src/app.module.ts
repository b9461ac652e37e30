import { Module } from '@nestjs/common';
import { TaskQueues, Topics } from '@cityworks/contracts';
import { CalendarArrangementCopy } from '@cityworks/calendar-sync';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { Complaint, ComplaintTransfer } from './complaints/complaint.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsActivitiesImpl } from './activities/complaints.activities';
import { complaintsMigrations } from './migrations';
import { PublicStatisticsModule } from './public-statistics/public-statistics.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'complaints',
      schema: 'complaints',
      entities: [Complaint, ComplaintTransfer, CalendarArrangementCopy, OutboxEvent, InboxEvent],
      migrations: complaintsMigrations,
    }),
    MessagingModule.forService({ service: 'complaints', subscribeTo: [Topics.catalog, Topics.approval] }),
    TemporalModule.forService({ taskQueue: TaskQueues.complaints, activities: ComplaintsActivitiesImpl }),
    ComplaintsModule,
    PublicStatisticsModule,
  ],
  providers: [ComplaintsActivitiesImpl],
})
export class AppModule {}
