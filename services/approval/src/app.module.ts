import { Module } from '@nestjs/common';
import { TaskQueues, Topics } from '@cityworks/contracts';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { CalendarArrangementCopy } from '@cityworks/calendar-sync';
import { ApplicationRecord } from './applications/persistence/application.record';
import { ApplicationsModule } from './applications/applications.module';
import { ProjectRecord } from './projects/persistence/project.record';
import { ProjectsModule } from './projects/projects.module';
import { ProjectTimingModule } from './projects/timing/project-timing.module';
import { CatalogItemsModule } from './catalog-items/catalog-items.module';
import { ApprovalActivitiesImpl } from './activities/approval.activities';
import { approvalMigrations } from './migrations';
import { EligibilityCancellationRecord } from './commitment-eligibility/persistence/eligibility-cancellation.record';
import { SubjectCreditGradeRecord } from './commitment-eligibility/persistence/subject-credit-grade.record';
import { CommitmentEligibilityModule } from './commitment-eligibility/commitment-eligibility.module';
import { OversightModule } from './oversight/oversight.module';
import { CreditStandingModule } from './credit-standing/credit-standing.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'approval',
      schema: 'approval',
      entities: [ApplicationRecord, ProjectRecord, EligibilityCancellationRecord, SubjectCreditGradeRecord, CalendarArrangementCopy, OutboxEvent, InboxEvent],
      migrations: approvalMigrations,
    }),
    MessagingModule.forService({ service: 'approval', subscribeTo: [Topics.catalog, Topics.supervision, Topics.credit] }),
    TemporalModule.forService({ taskQueue: TaskQueues.approval, activities: ApprovalActivitiesImpl }),
    ApplicationsModule,
    ProjectsModule,
    ProjectTimingModule,
    CatalogItemsModule,
    CommitmentEligibilityModule,
    OversightModule,
    CreditStandingModule,
  ],
  providers: [ApprovalActivitiesImpl],
})
export class AppModule {}
