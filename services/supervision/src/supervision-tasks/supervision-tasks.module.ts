import { Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@cityworks/calendar';
import { SupervisionTasksController } from './supervision-tasks.controller';
import { SupervisionTasksService } from './supervision-tasks.service';

@Module({
  controllers: [SupervisionTasksController],
  providers: [SupervisionTasksService, { provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar() }],
  exports: [SupervisionTasksService],
})
export class SupervisionTasksModule {}
