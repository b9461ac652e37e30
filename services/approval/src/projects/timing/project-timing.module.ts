import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { ApplicationsModule } from '../../applications/applications.module';
import { ProjectsModule } from '../projects.module';
import { ProjectTimingController } from './project-timing.controller';
import { ProjectTimingService } from './project-timing.service';

/**
 * GET /projects/{code}/timing: reads projects and their applications, so it sits above both
 * modules (ApplicationsModule already imports ProjectsModule; ProjectsModule cannot import it back).
 */
@Module({
  imports: [ProjectsModule, ApplicationsModule, CalendarSyncModule],
  controllers: [ProjectTimingController],
  providers: [ProjectTimingService],
})
export class ProjectTimingModule {}
