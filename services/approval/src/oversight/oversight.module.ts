import { Module } from '@nestjs/common';
import { CalendarSyncModule } from '@cityworks/calendar-sync';
import { ApplicationsModule } from '../applications/applications.module';
import { OversightFiguresService } from './oversight-figures.service';

/** Approval's part of the 工改办's oversight reports: figures and the seeded sample, as activities. */
@Module({
  imports: [ApplicationsModule, CalendarSyncModule],
  providers: [OversightFiguresService],
  exports: [OversightFiguresService],
})
export class OversightModule {}
