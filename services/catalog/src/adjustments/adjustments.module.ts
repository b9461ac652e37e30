import { Module } from '@nestjs/common';
import { ApprovalItemsModule } from '../approval-items/approval-items.module';
import { SupervisionItemsModule } from '../supervision-items/supervision-items.module';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsService } from './adjustments.service';

@Module({
  imports: [ApprovalItemsModule, SupervisionItemsModule],
  controllers: [AdjustmentsController],
  providers: [AdjustmentsService],
})
export class AdjustmentsModule {}
