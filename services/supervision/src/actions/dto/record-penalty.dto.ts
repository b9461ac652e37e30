import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  EnforcementMeasure,
  EnforcementMeasures,
  FINE_AMOUNT_PATTERN,
  PenaltyCategories,
  PenaltyCategory,
  PenaltySeverities,
  PenaltySeverity,
} from '../domain/action-vocabulary';
import { ActionHeaderDto, DAY_PATTERN, NOT_BLANK } from './action-header.dto';

const DOCUMENT_NUMBER = /^[^\s\ufeff].{0,99}$/u;

/** 决定书: what a penalty and an enforcement both rest on. */
class DecisionDto extends ActionHeaderDto {
  @ApiProperty({ description: '决定书文号, unique', example: '鞍住建罚〔2026〕12号', maxLength: 100 })
  @IsString()
  @Matches(DOCUMENT_NUMBER, { message: 'documentNumber must be 1–100 characters, not starting with a space' })
  documentNumber: string;

  @ApiProperty({ description: '违法事实', maxLength: 5000 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'facts must not be blank' })
  @MaxLength(5000)
  facts: string;

  @ApiProperty({ description: '依据 (法律条款)', example: '《建设工程质量管理条例》第六十四条', maxLength: 2000 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'legalBasis must not be blank' })
  @MaxLength(2000)
  legalBasis: string;

  @ApiProperty({ description: '内容: what was decided', maxLength: 5000 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'content must not be blank' })
  @MaxLength(5000)
  content: string;

  @ApiProperty({ format: 'date', description: '决定日期 YYYY-MM-DD (China), not in the future', example: '2026-11-30' })
  @Matches(DAY_PATTERN, { message: 'decisionDate must be a day written YYYY-MM-DD' })
  decisionDate: string;
}

/** 行政处罚决定, in the 双公示 / 互联网+监管 fields. */
export class RecordPenaltyDto extends DecisionDto {
  @ApiProperty({ description: '违法行为类型', example: '未取得施工许可证擅自施工', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'violationType must not be blank' })
  @MaxLength(200)
  violationType: string;

  @ApiProperty({ enum: PenaltyCategories, isArray: true, minItems: 1, description: '处罚类别 (《行政处罚法》第九条)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'categories must name at least one 处罚类别' })
  @ArrayMaxSize(PenaltyCategories.length)
  @IsIn(PenaltyCategories, { each: true })
  categories: PenaltyCategory[];

  @ApiPropertyOptional({ type: String, nullable: true, description: '罚款金额 in yuan, at most two decimals; only and always with 罚款', example: '20000.00' })
  @IsOptional()
  @Matches(FINE_AMOUNT_PATTERN, { message: 'fineAmount must be a decimal string of yuan ≥ 0 with at most two decimals, e.g. "20000.00"' })
  fineAmount?: string | null;

  @ApiProperty({ format: 'date', description: '处罚有效期 (公示截止) YYYY-MM-DD, not before decisionDate', example: '2029-11-30' })
  @Matches(DAY_PATTERN, { message: 'validUntil must be a day written YYYY-MM-DD' })
  validUntil: string;

  @ApiProperty({ enum: PenaltySeverities, description: 'how heavily credit weighs it: minor 一般, serious 较重, severe 严重' })
  @IsIn(PenaltySeverities)
  severity: PenaltySeverity;
}

/** 行政强制 (措施 or 执行). */
export class RecordEnforcementDto extends DecisionDto {
  @ApiProperty({ enum: EnforcementMeasures, description: '强制类别' })
  @IsIn(EnforcementMeasures)
  measure: EnforcementMeasure;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: '强制期限 end YYYY-MM-DD (查封、扣押); absent for an execution' })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: 'endsOn must be a day written YYYY-MM-DD' })
  endsOn?: string | null;
}
