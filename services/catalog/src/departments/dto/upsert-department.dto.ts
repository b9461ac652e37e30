import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DepartmentKind, DepartmentKinds } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE, REGION_PATTERN, REGION_RULE } from '../../common/validators';

export class LetterOfficeDto {
  @ApiProperty({ example: 'AS-GGB-LETTERS' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code: string;

  @ApiProperty({ description: '全称', example: '鞍山市工程建设项目审批制度改革领导小组办公室', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  // `[^\s\ufeff]` is `\S` as JavaScript reads it, spelled so that other regex engines agree
  @ApiProperty({
    description: '文号简称 (unique), e.g. 鞍工改办 in 鞍工改办督〔2026〕12号',
    example: '鞍工改办',
    maxLength: 32,
    pattern: '^[^\\s\\ufeff]{2,32}$',
  })
  @IsString()
  @Matches(/^\S{2,32}$/u, { message: 'shortName must be 2–32 characters without spaces' })
  shortName: string;
}

export class UpsertDepartmentDto {
  @ApiProperty({ description: '名称', example: '鞍山市住房和城乡建设局', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '所属行政区划代码', example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiProperty({ enum: DepartmentKinds, example: '行业监管部门' })
  @IsIn(DepartmentKinds)
  kind: DepartmentKind;

  @ApiPropertyOptional({ type: [LetterOfficeDto], description: 'offices issuing 提醒函/督办函; replaces the ones recorded' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LetterOfficeDto)
  letterOffices?: LetterOfficeDto[];
}
