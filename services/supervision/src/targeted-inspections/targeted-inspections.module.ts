import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SupervisionActionsModule } from '../actions/supervision-actions.module';
import { InspectionTasksController, ReferralsController } from './inspection-tasks.controller';
import { InspectionTasksService } from './inspection-tasks.service';
import { InspectionTasksRepository } from './persistence/inspection-tasks.repository';
import { ComplaintUpheldHandler } from './events/complaint-upheld.handler';

/** Tasks from other sources (风险预警, 专项检查 from complaints, 告知其他机关) on one model and one workflow. */
@Module({
  imports: [CalendarSyncModule, SupervisionActionsModule],
  controllers: [InspectionTasksController, ReferralsController],
  providers: [InspectionTasksService, InspectionTasksRepository, ComplaintUpheldHandler],
  exports: [InspectionTasksService, InspectionTasksRepository],
})
export class TargetedInspectionsModule {}
