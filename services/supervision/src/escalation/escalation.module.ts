import { Module } from '@nestjs/common';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';
import { EscalationStepsRepository } from './persistence/escalation-steps.repository';

@Module({
  controllers: [EscalationController],
  providers: [EscalationService, EscalationStepsRepository],
  exports: [EscalationService, EscalationStepsRepository],
})
export class EscalationModule {}
