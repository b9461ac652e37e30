import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CheckResult, CheckResults } from '@cityworks/contracts';
import { IsInstant } from '@cityworks/platform';
import { CheckForm, CheckForms, CheckMethod, CheckMethods } from '../domain/action-vocabulary';
import { ActionHeaderDto, NOT_BLANK } from './action-header.dto';

/** 执法人员 and the 执法证号 they checked under. */
export class InspectorDto {
  @ApiProperty({ example: '王强', maxLength: 50 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(50)
  name: string;

  @ApiProperty({ description: '执法证号', example: '21030219001', maxLength: 32 })
  @Matches(/^[A-Za-z0-9-]{4,32}$/, { message: 'certificateNumber must be 4–32 letters, digits or hyphens (执法证号)' })
  certificateNumber: string;
}

/** 检查结果 and what was found. */
export class CheckResultDto {
  @ApiProperty({ enum: CheckResults, description: 'no-problem 未发现问题, rectification-ordered 责令整改, violation-found 发现违法违规' })
  @IsIn(CheckResults)
  result: CheckResult;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000, description: 'what was found; required unless no-problem' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  findings?: string | null;
}

/** A 行政检查 as made: registered at once, reported with its result now or later (within the reporting period). */
export class RecordCheckDto extends ActionHeaderDto {
  @ApiProperty({ enum: CheckForms, description: '检查形式: on-site 现场, off-site 非现场' })
  @IsIn(CheckForms)
  form: CheckForm;

  @ApiProperty({ enum: CheckMethods, description: '检查方式' })
  @IsIn(CheckMethods)
  method: CheckMethod;

  @ApiProperty({ description: '检查时间: when the check was made, not in the future', example: '2026-12-01T10:00:00+08:00' })
  @IsInstant()
  checkedAt: string;

  @ApiProperty({ type: [InspectorDto], minItems: 1, maxItems: 20, description: '执法人员 with their 执法证号; at least one' })
  @IsArray()
  @ArrayMinSize(1, { message: 'inspectors must name at least one 执法人员' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InspectorDto)
  inspectors: InspectorDto[];

  @ApiPropertyOptional({ enum: CheckResults, description: 'given: the check is reported at once; absent (not null): report it by POST …/report' })
  @ValidateIf((o: RecordCheckDto) => o.result !== undefined)
  @IsIn(CheckResults)
  result?: CheckResult;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  findings?: string | null;
}
