import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { DepartmentsModule } from '../departments/departments.module';
import { ApprovalItemsModule } from '../approval-items/approval-items.module';
import { SupervisionItemsModule } from '../supervision-items/supervision-items.module';
import { StageTemplatesModule } from '../stage-templates/stage-templates.module';
import { DemoController } from './demo.controller';
import { DemoLoaderService } from './demo-loader.service';

@Module({
  imports: [RegionsModule, DepartmentsModule, ApprovalItemsModule, SupervisionItemsModule, StageTemplatesModule],
  controllers: [DemoController],
  providers: [DemoLoaderService],
  exports: [DemoLoaderService],
})
export class DemoModule {}
