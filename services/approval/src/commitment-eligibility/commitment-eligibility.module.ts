import { Module } from '@nestjs/common';
import { CommitmentEligibilityController } from './commitment-eligibility.controller';
import { CommitmentEligibilityService } from './commitment-eligibility.service';
import { EligibilityCancellationsRepository } from './persistence/eligibility-cancellations.repository';

@Module({
  controllers: [CommitmentEligibilityController],
  providers: [CommitmentEligibilityService, EligibilityCancellationsRepository],
  exports: [CommitmentEligibilityService],
})
export class CommitmentEligibilityModule {}
