import { Module } from '@nestjs/common';
import { CreditRecordsModule } from '../credit-records/credit-records.module';
import { SubjectsController } from './subjects.controller';
import { SubjectCreditService } from './subject-credit.service';
import { SubjectRegistryController } from './registry/subject-registry.controller';
import { SubjectRegistryService } from './registry/subject-registry.service';
import { JointPunishmentListController, JointPunishmentListService } from './joint-punishment/joint-punishment-list';

@Module({
  imports: [CreditRecordsModule],
  controllers: [SubjectsController, SubjectRegistryController, JointPunishmentListController],
  providers: [SubjectCreditService, SubjectRegistryService, JointPunishmentListService],
  exports: [SubjectCreditService, SubjectRegistryService],
})
export class SubjectsModule {}
