import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SupervisionActionsController } from './supervision-actions.controller';
import { SUPERVISION_TERMS, SupervisionActionsService } from './supervision-actions.service';
import { SupervisionActionsRepository } from './persistence/supervision-actions.repository';
import { SupervisionObligationWorkflowClient } from './workflow/supervision-obligation.workflow-client';
import { supervisionTermsFrom } from './domain/reporting-terms';
import { ActionsExportService } from './export/actions-export.service';

@Module({
  imports: [CalendarSyncModule],
  controllers: [SupervisionActionsController],
  providers: [
    SupervisionActionsService,
    SupervisionActionsRepository,
    SupervisionObligationWorkflowClient,
    ActionsExportService,
    // read at start: a wrong setting stops the service with the setting's name
    { provide: SUPERVISION_TERMS, useFactory: () => supervisionTermsFrom(process.env) },
  ],
  exports: [SupervisionActionsService, SupervisionActionsRepository, SupervisionObligationWorkflowClient, SUPERVISION_TERMS],
})
export class SupervisionActionsModule {}
