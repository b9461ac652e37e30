import { Module } from '@nestjs/common';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ProjectsRepository } from './persistence/projects.repository';
import { ProjectLifecycleWorkflowClient } from './workflow/project-lifecycle.workflow-client';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectsRepository, ProjectLifecycleWorkflowClient],
  exports: [ProjectsService, ProjectsRepository, ProjectLifecycleWorkflowClient],
})
export class ProjectsModule {}
