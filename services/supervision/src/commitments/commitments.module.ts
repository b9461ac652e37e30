import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { CommitmentsController } from './commitments.controller';
import { COMMITMENT_TERMS, CommitmentsService } from './commitments.service';
import { CommitmentsRepository } from './persistence/commitments.repository';
import { CommitmentWorkflowClient } from './workflow/commitment.workflow-client';
import { commitmentTermsFrom } from './domain/commitment-terms';

@Module({
  imports: [CalendarSyncModule],
  controllers: [CommitmentsController],
  providers: [
    CommitmentsService,
    CommitmentsRepository,
    CommitmentWorkflowClient,
    // read at start: a wrong setting stops the service with the setting's name
    { provide: COMMITMENT_TERMS, useFactory: () => commitmentTermsFrom(process.env) },
  ],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
