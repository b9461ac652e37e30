import { Module } from '@nestjs/common';
import { CreditRecordsController } from './credit-records.controller';
import { CreditRecordsService } from './credit-records.service';
import { CommitmentBrokenHandler, CommitmentKeptHandler } from './from-events/commitment-findings.handler';

@Module({
  controllers: [CreditRecordsController],
  providers: [CreditRecordsService, CommitmentKeptHandler, CommitmentBrokenHandler],
  exports: [CreditRecordsService],
})
export class CreditRecordsModule {}
