import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CreditRepairDecision, CreditRepairDecisions } from '../domain/credit-repair';
import { NOT_BLANK, NOT_BLANK_RE } from './apply-for-repair.dto';

/** The credit office's decision on a repair application. */
export class DecideRepairDto {
  @ApiProperty({ enum: CreditRepairDecisions, description: 'approved: the record stops counting and the subject is graded again; refused: nothing changes' })
  @IsIn(CreditRepairDecisions, { message: `decision must be one of ${CreditRepairDecisions.join(', ')}` })
  decision: CreditRepairDecision;

  @ApiProperty({ description: 'why', example: '整改到位，证明材料齐全，同意修复', maxLength: 2000, pattern: NOT_BLANK })
  @IsString()
  @Matches(NOT_BLANK_RE, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;
}
