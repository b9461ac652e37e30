import { Module } from '@nestjs/common';
import { TaskQueues } from '@cityworks/contracts';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { Complaint } from './complaints/complaint.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { ComplaintsActivitiesImpl } from './activities/complaints.activities';
import { complaintsMigrations } from './migrations';

@Module({
  imports: [
    PlatformModule.forService({ service: 'complaints', schema: 'complaints', entities: [Complaint, OutboxEvent, InboxEvent], migrations: complaintsMigrations }),
    MessagingModule.forService({ service: 'complaints' }),
    TemporalModule.forService({ taskQueue: TaskQueues.complaints, activities: ComplaintsActivitiesImpl }),
    ComplaintsModule,
  ],
  providers: [ComplaintsActivitiesImpl],
})
export class AppModule {}
