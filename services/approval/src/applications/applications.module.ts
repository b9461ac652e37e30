import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { csvTextBody } from '@cityworks/platform';
import { CatalogItemsModule } from '../catalog-items/catalog-items.module';
import { ProjectsModule } from '../projects/projects.module';
import { CommitmentEligibilityModule } from '../commitment-eligibility/commitment-eligibility.module';
import { ApplicationWorkflowClient } from './workflow/application.workflow-client';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './persistence/applications.repository';
import { JointReviewController } from './joint-review/joint-review.controller';
import { JointReviewService } from './joint-review/joint-review.service';
import { SupervisionFeedbackGivenHandler } from './events/supervision-feedback-given.handler';
import { ApplicationsImportController } from './import/applications-import.controller';
import { ApplicationsImportService } from './import/applications-import.service';
import { ApplicationImportsRepository } from './import/application-imports.repository';

@Module({
  imports: [CatalogItemsModule, CalendarSyncModule, ProjectsModule, CommitmentEligibilityModule],
  controllers: [ApplicationsController, JointReviewController, ApplicationsImportController],
  providers: [
    ApplicationsService,
    ApplicationsRepository,
    JointReviewService,
    ApplicationWorkflowClient,
    SupervisionFeedbackGivenHandler,
    ApplicationsImportService,
    ApplicationImportsRepository,
  ],
  exports: [ApplicationsService, ApplicationsRepository],
})
export class ApplicationsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // 迁移 files arrive as CSV text too; the platform parses only JSON bodies
    consumer.apply(csvTextBody(process.env.APPROVAL_IMPORT_LIMIT ?? '5mb')).forRoutes({ path: 'applications/import', method: RequestMethod.POST });
  }
}
