import { Module } from '@nestjs/common';
import { TaskQueues, Topics } from '@cityworks/contracts';
import { PlatformModule } from '@cityworks/platform';
import { MessagingModule, OutboxEvent, InboxEvent } from '@cityworks/messaging';
import { TemporalModule } from '@cityworks/temporal';
import { CreditRecord } from './credit-records/credit-record.entity';
import { SubjectGrade, SubjectGradeChange } from './grading/subject-grade.entity';
import { CreditRecordsModule } from './credit-records/credit-records.module';
import { SubjectsModule } from './subjects/subjects.module';
import { CreditRepairRecord } from './repairs/credit-repair.entity';
import { Practitioner, Subject } from './subjects/registry/subject.entity';
import { Publication } from './publications/publication.entity';
import { PublicationsModule } from './publications/publications.module';
import { CalendarArrangementCopy } from '@cityworks/calendar-sync';
import { CreditRepairsModule } from './repairs/credit-repairs.module';
import { CreditFromEventsModule } from './credit-records/from-events/from-events.module';
import { CreditActivitiesImpl } from './activities/credit.activities';
import { GradeRefreshService } from './grading/refresh/grade-refresh.service';
import { GradeRefreshSchedule } from './grading/refresh/grade-refresh-schedule';
import { creditMigrations } from './migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'credit',
      schema: 'credit',
      entities: [
        CreditRecord,
        SubjectGrade,
        SubjectGradeChange,
        CreditRepairRecord,
        Subject,
        Practitioner,
        Publication,
        CalendarArrangementCopy,
        OutboxEvent,
        InboxEvent,
      ],
      migrations: creditMigrations,
    }),
    MessagingModule.forService({ service: 'credit', subscribeTo: [Topics.supervision, Topics.complaints, Topics.approval, Topics.catalog] }),
    TemporalModule.forService({ taskQueue: TaskQueues.credit, activities: CreditActivitiesImpl }),
    CreditRecordsModule,
    SubjectsModule,
    CreditRepairsModule,
    CreditFromEventsModule,
    PublicationsModule,
  ],
  providers: [CreditActivitiesImpl, GradeRefreshService, GradeRefreshSchedule],
})
export class AppModule {}
