import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { CreditGrades, DRAW_ALGORITHM, MAX_WEIGHT, RiskLevels } from '../draw';
import type { DrawGrade, RiskLevel } from '../draw';

const HEX64 = /^[0-9a-f]{64}$/;
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** the API takes drawings of this size; larger ones are verified with the command (scripts/verify-draw.js) */
export const MAX_VERIFY_SUBJECTS = 20000;

function Weight(): PropertyDecorator {
  return (target, key) => {
    IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
    Min(0)(target, key);
    Max(MAX_WEIGHT)(target, key);
  };
}
const w = () => ApiProperty({ type: Number, minimum: 0, maximum: MAX_WEIGHT });

export class PublishedGradeWeightsDto {
  @w() @Weight() A: number;
  @w() @Weight() B: number;
  @w() @Weight() C: number;
  @w() @Weight() D: number;
  @w() @Weight() ungraded: number;
}

export class PublishedRiskWeightsDto {
  @w() @Weight() low: number;
  @w() @Weight() medium: number;
  @w() @Weight() high: number;
}

export class PublishedSubjectDto {
  @ApiProperty({ pattern: USCC_SHAPE.source })
  @Matches(USCC_SHAPE, { message: 'uscc must be an 18-character 统一社会信用代码' })
  uscc: string;

  @ApiPropertyOptional({ type: String, enum: [...CreditGrades, null], nullable: true, description: 'null or left out: not graded by credit' })
  @IsOptional()
  @IsIn(CreditGrades)
  grade?: DrawGrade | null;

  @ApiProperty({ enum: RiskLevels })
  @IsIn(RiskLevels)
  risk: RiskLevel;
}

export class PublishedPoolMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  id: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 64,
    description: 'an inspector’s department (required for inspectors: 422 without); null for experts',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  departmentCode?: string | null;

  @ApiProperty({ type: [String], maxItems: 1000 })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(18, { each: true })
  conflictsWith: string[];
}

/** A published draw as `GET /campaigns/{id}/draw` gives it (or as anyone assembles it), to re-run. */
export class VerifyDrawDto {
  @ApiProperty({ enum: [DRAW_ALGORITHM] })
  @IsIn([DRAW_ALGORITHM])
  algorithm: typeof DRAW_ALGORITHM;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  campaignId?: string;

  @ApiProperty({ pattern: HEX64.source, description: 'SHA-256 of the seed as published at announcement' })
  @Matches(HEX64, { message: 'seedCommitment must be 64 lowercase hex characters' })
  seedCommitment: string;

  @ApiProperty({ pattern: HEX64.source, description: 'the seed revealed with the results' })
  @Matches(HEX64, { message: 'seed must be 64 lowercase hex characters' })
  seed: string;

  @ApiProperty({ type: Number, minimum: 0.000001, maximum: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(1)
  baseRatio: number;

  @ApiProperty({ type: PublishedGradeWeightsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PublishedGradeWeightsDto)
  gradeWeights: PublishedGradeWeightsDto;

  @ApiProperty({ type: PublishedRiskWeightsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PublishedRiskWeightsDto)
  riskWeights: PublishedRiskWeightsDto;

  @ApiProperty({ type: [PublishedSubjectDto], maxItems: MAX_VERIFY_SUBJECTS })
  @IsArray()
  @ArrayMaxSize(MAX_VERIFY_SUBJECTS)
  @ValidateNested({ each: true })
  @Type(() => PublishedSubjectDto)
  subjects: PublishedSubjectDto[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  departmentCodes: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  inspectorsPerCheck: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 5 })
  @IsInt()
  @Min(0)
  @Max(5)
  expertsPerVisit: number;

  @ApiProperty({ type: [PublishedPoolMemberDto], maxItems: 5000 })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PublishedPoolMemberDto)
  inspectors: PublishedPoolMemberDto[];

  @ApiProperty({ type: [PublishedPoolMemberDto], maxItems: 5000 })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PublishedPoolMemberDto)
  experts: PublishedPoolMemberDto[];

  @ApiPropertyOptional({ type: [String], description: 'the list as published, to compare with the re-run', maxItems: MAX_VERIFY_SUBJECTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VERIFY_SUBJECTS)
  @IsString({ each: true })
  @MaxLength(18, { each: true })
  drawnUsccs?: string[];
}
