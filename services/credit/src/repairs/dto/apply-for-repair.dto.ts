import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RepairEvidenceKind, RepairEvidenceKinds } from '../domain/credit-repair';

export const NOT_BLANK = '[^\\s\\ufeff]';
export const NOT_BLANK_RE = /[^\s\ufeff]/u;

/** A document of the correction, named where it is kept. */
export class RepairEvidenceDto {
  @ApiProperty({ enum: RepairEvidenceKinds, description: '整改报告, 信用承诺书, 培训证明, 证明材料 or 其他' })
  @IsIn(RepairEvidenceKinds, { message: `kind must be one of ${RepairEvidenceKinds.join(', ')}` })
  kind: RepairEvidenceKind;

  @ApiProperty({
    description: 'where it is kept: a file number, a document-system id, a URL',
    example: '铁东住建整改〔2026〕7号',
    maxLength: 500,
    pattern: NOT_BLANK,
  })
  @IsString()
  @Matches(NOT_BLANK_RE, { message: 'reference must not be blank' })
  @MaxLength(500)
  reference: string;

  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

/** 信用修复申请, filed by the credit desk for the subject (which has no account). */
export class ApplyForRepairDto {
  @ApiProperty({ description: '申请人: who applies for the subject', example: '王建国', maxLength: 100, pattern: NOT_BLANK })
  @IsString()
  @Matches(NOT_BLANK_RE, { message: 'applicantName must not be blank' })
  @MaxLength(100)
  applicantName: string;

  @ApiProperty({ description: '整改情况: what the subject corrected', example: '已补齐安全防护设施并完成全员安全培训', maxLength: 5000, pattern: NOT_BLANK })
  @IsString()
  @Matches(NOT_BLANK_RE, { message: 'correction must not be blank' })
  @MaxLength(5000)
  correction: string;

  @ApiProperty({ type: [RepairEvidenceDto], minItems: 1, maxItems: 50, description: 'at least one document of the correction, by reference' })
  @IsArray()
  @ArrayMinSize(1, { message: 'evidence must name at least one document of the correction' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RepairEvidenceDto)
  evidence: RepairEvidenceDto[];
}
