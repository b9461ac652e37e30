import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CreditRecordKind, CreditRecordKinds, CreditSeverities, CreditSeverity, CreditSourceType, CreditSourceTypes } from '@cityworks/contracts';
import { IsUscc, SchemaRules } from '@cityworks/platform';
import { IsIsoDate, IsNotAfterChinaToday, IsOnOrAfter, SeverityMatchesKind } from './credit-record.rules';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** 认定: a department records a 守信 or 失信 fact about a market subject. */
// a 失信 (bad) record names its severity, a 守信 (good) one has none (SeverityMatchesKind)
@SchemaRules({
  oneOf: [{ properties: { kind: { enum: ['bad'] } }, required: ['severity'] }, { properties: { kind: { enum: ['good'] }, severity: { not: {} } } }],
})
export class AddCreditRecordDto {
  @ApiProperty({ description: '统一社会信用代码 of the subject', example: '91350100M000100Y43' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: CreditRecordKinds, description: 'good = 守信, bad = 失信' })
  @IsIn(CreditRecordKinds, { message: `kind must be one of ${CreditRecordKinds.join(', ')}` })
  kind: CreditRecordKind;

  @ApiPropertyOptional({ enum: CreditSeverities, description: '失信 severity: minor = 一般, serious = 较重, severe = 严重. Required for bad, absent for good' })
  @SeverityMatchesKind()
  severity?: CreditSeverity;

  @ApiProperty({ enum: CreditSourceTypes, description: 'what kind of decision produced the record' })
  @IsIn(CreditSourceTypes, { message: `sourceType must be one of ${CreditSourceTypes.join(', ')}` })
  sourceType: CreditSourceType;

  @ApiProperty({ description: '认定部门代码', example: 'AS-ZJJ' })
  @Matches(CODE, { message: 'sourceDepartmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  sourceDepartmentCode: string;

  @ApiPropertyOptional({
    description: 'the originating record (办件 id, 文书号 …); a second record with the same source is refused',
    example: '鞍住建罚〔2026〕15号',
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  sourceRef?: string;

  @ApiProperty({ description: '认定事由', example: '未按承诺期限补齐施工图审查合格书', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ description: '认定日期 (YYYY-MM-DD, China calendar); not in the future', example: '2026-03-02' })
  @IsIsoDate()
  @IsNotAfterChinaToday()
  decidedOn: string;

  @ApiProperty({ description: '有效期至: the last day the record counts (YYYY-MM-DD)', example: '2027-03-01' })
  @IsIsoDate()
  @IsOnOrAfter('decidedOn')
  expiresOn: string;
}
