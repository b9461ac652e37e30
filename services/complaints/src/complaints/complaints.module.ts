import { Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@cityworks/calendar';
import { ComplaintsController } from './complaints.controller';
import { COMPLAINT_DEADLINE_POLICY, ComplaintsService } from './complaints.service';
import { readComplaintDeadlinePolicy } from './complaint-deadlines';

@Module({
  controllers: [ComplaintsController],
  providers: [
    ComplaintsService,
    { provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar() },
    { provide: COMPLAINT_DEADLINE_POLICY, useFactory: () => readComplaintDeadlinePolicy() },
  ],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
