import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant, IsUscc } from '@cityworks/platform';

export const RiskLevels = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

/** A 风险预警 as the national 互联网+监管 system pushes it (按属地推送) to the receiving department. */
export class RiskWarningPushDto {
  @ApiProperty({ description: '预警编号 in the national system: one task per id', example: 'FXYJ-2026-210302-000123', maxLength: 100 })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { message: 'externalId must be 1–100 letters, digits, dots, underscores, colons or hyphens' })
  externalId: string;

  @ApiProperty({ description: '预警标题', maxLength: 200 })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: '预警内容', maxLength: 5000 })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'content must not be blank' })
  @MaxLength(5000)
  content: string;

  @ApiProperty({ enum: RiskLevels, description: '风险等级: high 高, medium 中, low 低' })
  @IsIn(RiskLevels)
  riskLevel: RiskLevel;

  @ApiProperty({ description: '接收部门: the department that must verify and feed back', example: 'AS-ZJJ' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'receivingDepartmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  receivingDepartmentCode: string;

  @ApiProperty({ description: '行政区划代码', example: '210302' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative division code' })
  regionCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '监管事项编码' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'supervisionItemCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  supervisionItemCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '统一社会信用代码 of the subject warned about' })
  @IsOptional()
  @IsUscc()
  subjectUscc?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectName?: string | null;

  @ApiProperty({ description: '预警时间', example: '2026-12-01T09:00:00+08:00' })
  @IsInstant()
  issuedAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '反馈期限 set by the national system; absent: the city’s configured working days' })
  @IsOptional()
  @IsInstant()
  feedbackDueAt?: string | null;
}
