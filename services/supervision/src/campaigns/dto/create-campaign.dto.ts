import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@cityworks/platform';
import { RiskLevel, RiskLevels } from '../../subjects/domain/subject';
import { DEFAULT_GRADE_WEIGHTS, DEFAULT_RISK_WEIGHTS, MAX_WEIGHT } from '../draw';
import type { CampaignStatus } from '../domain/campaign';

const weight = (description: string, fallback: number) =>
  ApiPropertyOptional({ type: Number, minimum: 0, maximum: MAX_WEIGHT, default: fallback, description });
function Weight(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
    Min(0)(target, key);
    Max(MAX_WEIGHT)(target, key);
  };
}

export class GradeWeightsDto {
  @weight('信用 A (良好)', DEFAULT_GRADE_WEIGHTS.A) @Weight() A?: number;
  @weight('信用 B (一般)', DEFAULT_GRADE_WEIGHTS.B) @Weight() B?: number;
  @weight('信用 C (较差)', DEFAULT_GRADE_WEIGHTS.C) @Weight() C?: number;
  @weight('信用 D (差)', DEFAULT_GRADE_WEIGHTS.D) @Weight() D?: number;
  @weight('not graded by credit yet', DEFAULT_GRADE_WEIGHTS.ungraded) @Weight() ungraded?: number;
}

export class RiskWeightsDto {
  @weight('风险 低', DEFAULT_RISK_WEIGHTS.low) @Weight() low?: number;
  @weight('风险 中', DEFAULT_RISK_WEIGHTS.medium) @Weight() medium?: number;
  @weight('风险 高', DEFAULT_RISK_WEIGHTS.high) @Weight() high?: number;
}

const CODE = /^[A-Za-z0-9-]{1,64}$/;

export class CampaignScopeDto {
  @ApiProperty({ type: [String], description: '监管事项编码 the checks cover', minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'each supervisionItemCodes entry must be a code of letters, digits and hyphens' })
  supervisionItemCodes: string[];

  @ApiProperty({ type: [String], description: '行政区划代码 of the subjects drawn from', minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^\d{6}$/, { each: true, message: 'each regionCodes entry must be a 6-digit 行政区划代码' })
  regionCodes: string[];

  @ApiPropertyOptional({ type: [String], description: 'only subjects of these industries (empty: all)', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  industries?: string[];

  @ApiPropertyOptional({ type: [String], enum: RiskLevels, description: 'only subjects of these risk levels (empty: all)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RiskLevels, { each: true })
  riskLevels?: RiskLevel[];
}

export class CreateCampaignDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title: string;

  @ApiPropertyOptional({
    type: [String],
    description: '部门联合抽查: other departments checking at the same visits (your own department organizes and is always included)',
    maxItems: 10,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'each jointDepartmentCodes entry must be a department code' })
  jointDepartmentCodes?: string[];

  @ApiProperty({ type: CampaignScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScopeDto)
  scope: CampaignScopeDto;

  @ApiProperty({
    type: Number,
    minimum: 0.000001,
    maximum: 1,
    description: '基础抽查比例: p = min(1, baseRatio × grade weight × risk weight)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(1)
  baseRatio: number;

  @ApiPropertyOptional({ type: GradeWeightsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GradeWeightsDto)
  gradeWeights?: GradeWeightsDto;

  @ApiPropertyOptional({ type: RiskWeightsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RiskWeightsDto)
  riskWeights?: RiskWeightsDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10, default: 2, description: '执法人员 each department sends to a visit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  inspectorsPerCheck?: number;

  @ApiPropertyOptional({ default: false, description: 'an expert is drawn for every visit (the items need expertise)' })
  @IsOptional()
  @IsBoolean()
  expertRequired?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1095,
    default: 365,
    description: '回避: no one inspects a subject they inspected within this many days',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1095)
  recusalPeriodDays?: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 120, description: 'working days after the draw by which every result is due' })
  @IsInt()
  @Min(1)
  @Max(120)
  resultsWorkingDays: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 60, description: 'working days after the results deadline by which they are published (一公开)' })
  @IsInt()
  @Min(1)
  @Max(60)
  publicationWorkingDays: number;
}

const STATUSES: CampaignStatus[] = ['announced', 'checking', 'results-in', 'published'];

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CampaignStatus;
}
