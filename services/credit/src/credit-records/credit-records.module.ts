import { Module } from '@nestjs/common';
import { CreditRecordsController } from './credit-records.controller';
import { CreditRecordsService } from './credit-records.service';
import { CreditRulesConfig } from '../grading/rules/credit-rules.config';
import { CommitmentBrokenHandler, CommitmentKeptHandler } from './from-events/commitment-findings.handler';

@Module({
  controllers: [CreditRecordsController],
  providers: [CreditRecordsService, CreditRulesConfig, CommitmentKeptHandler, CommitmentBrokenHandler],
  exports: [CreditRecordsService, CreditRulesConfig],
})
export class CreditRecordsModule {}
