import { Module } from '@nestjs/common';
import { Topics, TaskQueues } from '@cityworks/contracts';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { CalendarArrangementCopy } from '@cityworks/calendar-sync';
import { SupervisionTaskRecord } from './supervision-tasks/persistence/supervision-task.record';
import { SupervisionTasksModule } from './supervision-tasks/supervision-tasks.module';
import { ApprovalDecidedHandler } from './events/approval-decided.handler';
import { SupervisionActivitiesImpl } from './activities/supervision.activities';
import { supervisionMigrations } from './migrations';
import { LetterRecord } from './letters/persistence/letter.record';
import { LetterDocumentRecord } from './letters/persistence/letter-document.record';
import { LettersModule } from './letters/letters.module';
import { EscalationStepRecord } from './escalation/persistence/escalation-step.record';
import { EscalationModule } from './escalation/escalation.module';
import { CommitmentRecord } from './commitments/persistence/commitment.record';
import { CommitmentsModule } from './commitments/commitments.module';
import { OversightReportsModule } from './oversight-reports/oversight-reports.module';
import { SubjectRecord } from './subjects/persistence/subject.record';
import { SubjectsModule } from './subjects/subjects.module';
import { PoolMemberRecord } from './inspectors/persistence/pool-member.record';
import { PoolsModule } from './inspectors/pools.module';
import { CampaignDrawInputsRecord, CampaignRecord, CampaignVisitRecord } from './campaigns/persistence/campaign.records';
import { CampaignsModule } from './campaigns/campaigns.module';
import { SupervisionActionRecord } from './actions/persistence/supervision-action.record';
import { SupervisionActionsModule } from './actions/supervision-actions.module';
import { LogEntryRecord } from './supervision-log/persistence/log-entry.record';
import { SupervisionLogModule } from './supervision-log/supervision-log.module';
import { InspectionTaskRecord } from './targeted-inspections/persistence/inspection-task.record';
import { TargetedInspectionsModule } from './targeted-inspections/targeted-inspections.module';
import { RiskWarningsModule } from './risk-warnings/risk-warnings.module';
import { SupervisionItemVersionRecord } from './inaction-report/catalog-copy/supervision-item-version.record';
import { InactionReportModule } from './inaction-report/inaction-report.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'supervision',
      schema: 'supervision',
      entities: [
        SupervisionTaskRecord,
        LetterRecord,
        LetterDocumentRecord,
        EscalationStepRecord,
        CommitmentRecord,
        SubjectRecord,
        PoolMemberRecord,
        CampaignRecord,
        CampaignVisitRecord,
        CampaignDrawInputsRecord,
        SupervisionActionRecord,
        LogEntryRecord,
        InspectionTaskRecord,
        SupervisionItemVersionRecord,
        CalendarArrangementCopy,
        OutboxEvent,
        InboxEvent,
      ],
      migrations: supervisionMigrations,
    }),
    MessagingModule.forService({
      service: 'supervision',
      subscribeTo: [Topics.approval, Topics.catalog, Topics.credit, Topics.supervision, Topics.complaints],
    }),
    TemporalModule.forService({ taskQueue: TaskQueues.supervision, activities: SupervisionActivitiesImpl }),
    SupervisionTasksModule,
    LettersModule,
    EscalationModule,
    CommitmentsModule,
    OversightReportsModule,
    SubjectsModule,
    PoolsModule,
    CampaignsModule,
    SupervisionActionsModule,
    SupervisionLogModule,
    TargetedInspectionsModule,
    RiskWarningsModule,
    InactionReportModule,
  ],
  providers: [ApprovalDecidedHandler, SupervisionActivitiesImpl],
})
export class AppModule {}
