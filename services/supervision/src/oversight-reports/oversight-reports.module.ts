import { Module } from '@nestjs/common';
import { OversightReportsController } from './oversight-reports.controller';
import { OversightReportsService } from './oversight-reports.service';
import { OversightReportsRepository } from './persistence/oversight-reports.repository';
import { OversightFiguresRepository } from './persistence/oversight-figures.repository';
import { OversightConfig } from './oversight-config';
import { OversightSchedules } from './oversight-schedules';

/** The 工改办's oversight reports on Temporal Schedules (ADR 0017). */
@Module({
  controllers: [OversightReportsController],
  providers: [OversightReportsService, OversightReportsRepository, OversightFiguresRepository, OversightConfig, OversightSchedules],
  exports: [OversightReportsService, OversightSchedules],
})
export class OversightReportsModule {}
