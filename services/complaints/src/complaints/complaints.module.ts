import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { RoutingModule } from '../routing/routing.module';
import { ComplaintsController } from './complaints.controller';
import { COMPLAINT_DEADLINE_POLICY, COMPLAINT_LADDER, COMPLAINT_REVIEW_POLICY, ComplaintsService } from './complaints.service';
import { readReviewPolicy } from './review/review-policy';
import { IdentityCipher } from '../privacy/identity-cipher';
import { readComplaintLadderTerms } from './complaint-ladder';
import { ComplaintWorkflowClient } from './workflow/complaint.workflow-client';
import { readComplaintDeadlinePolicy } from './complaint-deadlines';

@Module({
  imports: [CalendarSyncModule, RoutingModule],
  controllers: [ComplaintsController],
  providers: [
    ComplaintsService,
    ComplaintWorkflowClient,
    { provide: COMPLAINT_DEADLINE_POLICY, useFactory: () => readComplaintDeadlinePolicy() },
    { provide: COMPLAINT_LADDER, useFactory: () => readComplaintLadderTerms() },
    { provide: COMPLAINT_REVIEW_POLICY, useFactory: () => readReviewPolicy() },
    { provide: IdentityCipher, useFactory: () => IdentityCipher.fromEnv() },
  ],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
