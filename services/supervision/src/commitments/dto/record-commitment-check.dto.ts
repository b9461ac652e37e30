import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CommitmentOutcome, CommitmentOutcomes } from '@cityworks/contracts';
import { IsInstant } from '@cityworks/platform';
import { EvidenceKind, EvidenceKinds } from '../domain/commitment';

const NOT_BLANK = '[^\\s\\ufeff]';

/** A record or document the verification rests on, named where it is kept. */
export class EvidenceReferenceDto {
  @ApiProperty({ enum: EvidenceKinds, description: '检查记录, 现场照片, 证明材料 or 其他' })
  @IsIn(EvidenceKinds)
  kind: EvidenceKind;

  @ApiProperty({
    description: 'where it is kept: a file number, a document-system id, a URL',
    example: '铁西住建监〔2026〕88号检查记录',
    maxLength: 500,
    pattern: NOT_BLANK,
  })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'reference must not be blank' })
  @MaxLength(500)
  reference: string;

  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

/** 核查结果 (or 复查结果 after a rectification order), recorded by the supervising department. */
export class RecordCommitmentCheckDto {
  @ApiProperty({
    enum: CommitmentOutcomes,
    description:
      'fulfilled (守信); minor-breach (责令限期整改, needs rectificationWorkingDays; not at a re-check); serious-breach or false-commitment (失信: the approval is revoked and the subject loses commitment eligibility)',
  })
  @IsIn(CommitmentOutcomes)
  outcome: CommitmentOutcome;

  // not blank: the commitment refuses findings of spaces (422)
  @ApiProperty({ description: 'what the verification found', example: '现场核查，建设单位承诺的消防设计文件已按要求报送', maxLength: 5000, pattern: NOT_BLANK })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'findings must not be blank' })
  @MaxLength(5000)
  findings: string;

  @ApiProperty({ type: [EvidenceReferenceDto], minItems: 1, maxItems: 50, description: 'at least one record or document' })
  @IsArray()
  @ArrayMinSize(1, { message: 'evidence must name at least one record or document' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceDto)
  evidence: EvidenceReferenceDto[];

  @ApiProperty({
    description: 'when the inspection took place: not before the decision, not in the future',
    example: '2026-12-01T10:00:00+08:00',
  })
  @IsInstant()
  inspectedAt: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 60, description: 'minor-breach only: working days to rectify (责令限期整改)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  rectificationWorkingDays?: number;
}

/** 复核 answered by the approving department. */
export class AnswerCommitmentReviewDto {
  @ApiProperty({
    description: 'how the case file and procedure were reviewed, and what was done (处置结果)',
    example: '经复核，申请人以虚假承诺取得许可，已依法撤销并移交信用记录。',
    maxLength: 5000,
    pattern: NOT_BLANK,
  })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'answer must not be blank' })
  @MaxLength(5000)
  answer: string;
}
