import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SupervisionTasksController } from './supervision-tasks.controller';
import { SupervisionTasksService } from './supervision-tasks.service';
import { SupervisionTasksRepository } from './persistence/supervision-tasks.repository';
import { SupervisionTaskWorkflowClient } from './workflow/supervision-task.workflow-client';

@Module({
  imports: [CalendarSyncModule],
  controllers: [SupervisionTasksController],
  providers: [SupervisionTasksService, SupervisionTasksRepository, SupervisionTaskWorkflowClient],
  exports: [SupervisionTasksService],
})
export class SupervisionTasksModule {}
