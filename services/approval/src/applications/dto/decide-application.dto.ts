import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, ValidateIf, IsNotEmpty } from 'class-validator';
import type { ApprovalDecision } from '@cityworks/contracts';
import { SchemaRules } from '@cityworks/platform';

// a rejection says why: a reason with something besides spaces in it
@SchemaRules({ anyOf: [{ properties: { decision: { enum: ['approved'] } } }, { required: ['reason'], properties: { reason: { pattern: '[^\\s\\ufeff]' } } }] })
export class DecideApplicationDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  decision: ApprovalDecision;

  @ApiPropertyOptional({ description: '理由 (required for a rejection)', maxLength: 2000 })
  @ValidateIf((o: DecideApplicationDto) => o.decision === 'rejected' || o.reason !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'reason is required when the decision is rejected' })
  @MaxLength(2000)
  reason?: string;
}
