import { Module } from '@nestjs/common';
import { CommitmentEligibilityController } from './commitment-eligibility.controller';
import { CommitmentEligibilityService } from './commitment-eligibility.service';
import { EligibilityCancellationsRepository } from './persistence/eligibility-cancellations.repository';
import { SubjectCreditGradesRepository } from './persistence/subject-credit-grades.repository';
import { CreditGradeChangedHandler } from './events/credit-grade-changed.handler';

@Module({
  controllers: [CommitmentEligibilityController],
  providers: [CommitmentEligibilityService, EligibilityCancellationsRepository, SubjectCreditGradesRepository, CreditGradeChangedHandler],
  exports: [CommitmentEligibilityService],
})
export class CommitmentEligibilityModule {}
