import { Module } from '@nestjs/common';
import { InactionReportController } from './inaction-report.controller';
import { InactionReportService } from './inaction-report.service';
import { SupervisionItemChangedHandler } from './catalog-copy/supervision-item-changed.handler';

@Module({
  controllers: [InactionReportController],
  providers: [InactionReportService, SupervisionItemChangedHandler],
})
export class InactionReportModule {}
