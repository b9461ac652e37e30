import { Module } from '@nestjs/common';
import { ApprovalItemsModule } from '../approval-items/approval-items.module';
import { RegionsModule } from '../regions/regions.module';
import { StageTemplatesController } from './stage-templates.controller';
import { StageTemplatesService } from './stage-templates.service';

@Module({
  imports: [RegionsModule, ApprovalItemsModule],
  controllers: [StageTemplatesController],
  providers: [StageTemplatesService],
  exports: [StageTemplatesService],
})
export class StageTemplatesModule {}
