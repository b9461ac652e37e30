import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { CreditGrade } from '@cityworks/contracts';
import { RiskLevel, RiskLevels } from '../domain/subject';

/** One subject of an import file; the same rules whether it came as a CSV row or a JSON object. */
export class SubjectRowDto {
  @ApiProperty({ description: '统一社会信用代码 (check character verified)' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ description: '名称', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ description: '行政区划代码, 6 digits', pattern: '^\\d{6}$' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit 行政区划代码' })
  regionCode: string;

  @ApiPropertyOptional({ description: '行业 (GB/T 4754 code or name)', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  industry?: string;

  @ApiProperty({ enum: RiskLevels, description: '风险等级' })
  @IsIn(RiskLevels)
  riskLevel: RiskLevel;
}

export class ImportSubjectsDto {
  @ApiProperty({ type: [SubjectRowDto], maxItems: 5000, minItems: 1 })
  @IsArray()
  subjects: SubjectRowDto[];
}

const GRADE_FILTERS = ['A', 'B', 'C', 'D', 'ungraded'] as const;

export class ListSubjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '行政区划代码', pattern: '^\\d{6}$' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit 行政区划代码' })
  regionCode?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  industry?: string;

  @ApiPropertyOptional({ enum: RiskLevels })
  @IsOptional()
  @IsIn(RiskLevels)
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ enum: GRADE_FILTERS, description: 'credit grade as last announced by credit, or ungraded' })
  @IsOptional()
  @IsIn(GRADE_FILTERS)
  grade?: CreditGrade | 'ungraded';
}
