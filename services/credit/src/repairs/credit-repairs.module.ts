import { Module } from '@nestjs/common';
import { CreditRecordsModule } from '../credit-records/credit-records.module';
import { CreditRecordRepairsController, CreditRepairsController } from './credit-repairs.controller';
import { CreditRepairsService } from './credit-repairs.service';
import { CreditRepairConfig } from './credit-repair.config';

@Module({
  imports: [CreditRecordsModule],
  controllers: [CreditRecordRepairsController, CreditRepairsController],
  providers: [CreditRepairsService, CreditRepairConfig],
})
export class CreditRepairsModule {}
