import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SupervisionTasksController } from './supervision-tasks.controller';
import { SupervisionTasksService } from './supervision-tasks.service';

@Module({
  imports: [CalendarSyncModule],
  controllers: [SupervisionTasksController],
  providers: [SupervisionTasksService],
  exports: [SupervisionTasksService],
})
export class SupervisionTasksModule {}
