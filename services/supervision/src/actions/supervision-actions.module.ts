import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { SupervisionActionsController } from './supervision-actions.controller';
import { SUPERVISION_TERMS, SupervisionActionsService } from './supervision-actions.service';
import { SupervisionActionsRepository } from './persistence/supervision-actions.repository';
import { SupervisionObligationWorkflowClient } from './workflow/supervision-obligation.workflow-client';
import { supervisionTermsFrom } from './domain/reporting-terms';
import { ActionsExportService } from './export/actions-export.service';
import { SupervisionLogRepository } from '../supervision-log/persistence/supervision-log.repository';
import { SupervisionLogWriter } from '../supervision-log/supervision-log.writer';
import { SupervisionItemCatalog } from '../inaction-report/catalog-copy/supervision-item-catalog';

@Module({
  imports: [CalendarSyncModule],
  controllers: [SupervisionActionsController],
  providers: [
    SupervisionActionsService,
    SupervisionActionsRepository,
    SupervisionObligationWorkflowClient,
    ActionsExportService,
    // the 监管日志's writer: recording and reporting an action log their own steps
    SupervisionLogRepository,
    SupervisionLogWriter,
    // supervision's copy of the 监管事项清单, to check an action's item
    SupervisionItemCatalog,
    // read at start: a wrong setting stops the service with the setting's name
    { provide: SUPERVISION_TERMS, useFactory: () => supervisionTermsFrom(process.env) },
  ],
  exports: [
    SupervisionActionsService,
    SupervisionActionsRepository,
    SupervisionObligationWorkflowClient,
    SUPERVISION_TERMS,
    SupervisionLogRepository,
    SupervisionLogWriter,
  ],
})
export class SupervisionActionsModule {}
