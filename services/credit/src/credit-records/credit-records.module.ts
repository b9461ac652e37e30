import { Module } from '@nestjs/common';
import { CreditRecordsController } from './credit-records.controller';
import { CreditRecordsService } from './credit-records.service';

@Module({
  controllers: [CreditRecordsController],
  providers: [CreditRecordsService],
  exports: [CreditRecordsService],
})
export class CreditRecordsModule {}
