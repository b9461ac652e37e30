import { Module } from '@nestjs/common';
import { CreditRecordsModule } from '../credit-records.module';
import { SubjectsModule } from '../../subjects/subjects.module';
import { PenaltyDecidedHandler } from './penalty-decided.handler';
import { PermitDecidedHandler, PermitRevokedHandler } from './permit-decided.handler';
import { PublicationsModule } from '../../publications/publications.module';
import { CheckRecordedHandler, ComplaintUpheldHandler } from './supervision-findings.handler';

/** Records (and, for penalties, subjects and 双公示) from other services' events, one per event. */
@Module({
  imports: [CreditRecordsModule, SubjectsModule, PublicationsModule],
  providers: [PenaltyDecidedHandler, PermitDecidedHandler, PermitRevokedHandler, CheckRecordedHandler, ComplaintUpheldHandler],
})
export class CreditFromEventsModule {}
