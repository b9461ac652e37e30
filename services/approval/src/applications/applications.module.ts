import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { CatalogItemsModule } from '../catalog-items/catalog-items.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './persistence/applications.repository';
import { SupervisionFeedbackGivenHandler } from './events/supervision-feedback-given.handler';

@Module({
  imports: [CatalogItemsModule, CalendarSyncModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationsRepository, SupervisionFeedbackGivenHandler],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
