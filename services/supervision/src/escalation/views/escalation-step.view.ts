import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EscalationStep, EscalationStepKind, EscalationStepKinds } from '../domain/escalation-step';
import { EscalatedObligationView } from './escalated-obligation.view';

/** A rung of the escalation ladder as fired (the ledger the monthly 通报 reads). */
export class EscalationStepView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "the ladder's claim key for the rung (unique)" })
  claimKey: string;

  @ApiProperty({ enum: EscalationStepKinds })
  step: EscalationStepKind;

  @ApiProperty({ type: EscalatedObligationView })
  obligation: EscalatedObligationView;

  @ApiProperty({ description: '责任单位: the late department' })
  departmentCode: string;

  @ApiProperty({ format: 'date-time', description: 'the deadline the rung was measured against' })
  dueAt: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the letter the rung issued (提醒函, 督办函) or follows (通报)' })
  letterId: string | null;

  @ApiProperty({ format: 'date-time' })
  firedAt: string;

  static of(step: EscalationStep): EscalationStepView {
    const s = step.snapshot;
    return Object.assign(new EscalationStepView(), {
      id: s.id,
      claimKey: s.claimKey,
      step: s.step,
      obligation: EscalatedObligationView.of(s.obligation),
      departmentCode: s.departmentCode,
      dueAt: s.dueAt.toISOString(),
      letterId: s.letterId,
      firedAt: s.firedAt.toISOString(),
    });
  }
}
