import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { EscalationStepInput } from '@cityworks/contracts';
import { ObligationInput } from './obligation.input';

/** recordEscalationStep's input (contract EscalationStepInput), checked. */
export class EscalationStepInputDto implements EscalationStepInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  claimKey: string;

  @IsIn(['预警', '通报'])
  step: '预警' | '通报';

  @IsObject()
  @ValidateNested()
  @Type(() => ObligationInput)
  obligation: ObligationInput & EscalationStepInput['obligation'];

  @IsISO8601({ strict: true })
  dueAt: string;

  @IsOptional()
  @IsUUID()
  letterId?: string;
}
