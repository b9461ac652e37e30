import { Module } from '@nestjs/common';
import { CreditRecordsModule } from '../credit-records/credit-records.module';
import { SubjectsController } from './subjects.controller';
import { SubjectCreditService } from './subject-credit.service';

@Module({
  imports: [CreditRecordsModule],
  controllers: [SubjectsController],
  providers: [SubjectCreditService],
  exports: [SubjectCreditService],
})
export class SubjectsModule {}
