import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RiskLevel, RiskLevels, SupervisionMeasure, SupervisionMeasures } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE, MaxDecimalPlaces } from '../../common/validators';

/** What a version of a supervision item (监管事项) says. */
export class SupervisionItemFieldsDto {
  @ApiProperty({ description: '监管事项名称', example: '对建筑工程施工许可的事中事后监管', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: '监管部门代码', example: 'AS-ZJJ' })
  @Matches(CODE_PATTERN, { message: `departmentCode ${CODE_RULE}` })
  departmentCode: string;

  @ApiProperty({ description: '监管对象', example: '取得施工许可的建设单位', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject: string;

  @ApiProperty({ description: '监管措施', enum: SupervisionMeasures, isArray: true, example: ['行政检查', '行政处罚'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique({ message: 'measures must not list a measure twice' })
  @IsIn(SupervisionMeasures, { each: true, message: `each of measures must be one of: ${SupervisionMeasures.join(', ')}` })
  measures: SupervisionMeasure[];

  @ApiProperty({ description: '设定依据', example: '《建筑工程施工许可管理办法》第十二条', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  legalBasis: string;

  @ApiProperty({ description: '双随机 抽查比例, 0–1 with at most 4 decimal places (CSV also takes 5%)', example: 0.05, minimum: 0, maximum: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(1)
  randomCheckRatio: number;

  @ApiProperty({ description: '抽查频次 (次/年)', example: 1, minimum: 0, maximum: 366 })
  @IsInt()
  @Min(0)
  @Max(366)
  checksPerYear: number;

  @ApiProperty({ description: '风险等级', enum: RiskLevels, example: '中' })
  @IsIn(RiskLevels)
  riskLevel: RiskLevel;

  @ApiPropertyOptional({
    description: '关联审批事项编码: the approval items whose results this item supervises',
    type: [String],
    default: [],
    example: ['JS-SGXK-001'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'approvalItemCodes must not list a code twice' })
  @Matches(CODE_PATTERN, { each: true, message: `each of approvalItemCodes ${CODE_RULE}` })
  approvalItemCodes?: string[];
}
