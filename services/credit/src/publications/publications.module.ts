import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { PublicationsController } from './publications.controller';
import { PUBLICATION_TERMS, PublicationsService } from './publications.service';
import { PublicationWorkflowClient } from './publication.workflow-client';
import { readPublicationTerms } from './publication-terms';
import { PublicRegisterController } from '../public-register/public-register.controller';
import { PublicRegisterService } from '../public-register/public-register.service';

@Module({
  imports: [CalendarSyncModule],
  controllers: [PublicationsController, PublicRegisterController],
  providers: [PublicationsService, PublicationWorkflowClient, PublicRegisterService, { provide: PUBLICATION_TERMS, useFactory: () => readPublicationTerms() }],
  exports: [PublicationsService],
})
export class PublicationsModule {}
