import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { ComplaintsController } from './complaints.controller';
import { COMPLAINT_DEADLINE_POLICY, ComplaintsService } from './complaints.service';
import { readComplaintDeadlinePolicy } from './complaint-deadlines';

@Module({
  imports: [CalendarSyncModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, { provide: COMPLAINT_DEADLINE_POLICY, useFactory: () => readComplaintDeadlinePolicy() }],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
