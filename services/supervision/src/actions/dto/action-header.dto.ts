import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsUscc } from '@cityworks/platform';
import { CODE_PATTERN, CODE_RULE, REGION_PATTERN } from '../domain/action-vocabulary';

/** not blank: at least one character that is not white space */
export const NOT_BLANK = /[^\s\ufeff]/u;
/** a day written YYYY-MM-DD (the model checks that it is a real one) */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What every 监管行为 states about whom it concerns. The implementing department (实施机关) is
 * not asked for: it is the caller's own, from the token.
 */
export class ActionHeaderDto {
  @ApiProperty({ description: '监管事项编码 (the catalog’s supervision item code)', example: 'JG-JZSG-001' })
  @Matches(CODE_PATTERN, { message: `supervisionItemCode ${CODE_RULE}` })
  supervisionItemCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '检查计划编号 (双随机 campaign, annual plan); absent outside any plan' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `planId ${CODE_RULE}` })
  planId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the 双随机 campaign the check belongs to' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `campaignId ${CODE_RULE}` })
  campaignId?: string | null;

  @ApiProperty({ description: '监管对象名称 (行政相对人)', example: '鞍山市某建筑工程有限公司', maxLength: 200 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'subjectName must not be blank' })
  @MaxLength(200)
  subjectName: string;

  @ApiProperty({ description: '统一社会信用代码, with a correct check character' })
  @IsUscc()
  subjectUscc: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '法定代表人', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'legalRepresentative must not be blank' })
  @MaxLength(100)
  legalRepresentative?: string | null;

  @ApiProperty({ description: '行政区划代码 where the subject is supervised (属地)', example: '210302' })
  @Matches(REGION_PATTERN, { message: 'regionCode must be a 6-digit administrative division code' })
  regionCode: string;
}
