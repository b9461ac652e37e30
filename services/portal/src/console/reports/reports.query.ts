import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OversightReportKinds } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';

export class ReportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OversightReportKinds, description: 'monthly = 月度通报, quarterly = 季度督查评分' })
  @IsOptional()
  @IsIn(OversightReportKinds, { message: `kind must be one of ${OversightReportKinds.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ description: 'a month (YYYY-MM) or a quarter (YYYY-Qn)', pattern: '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'period must be a month (YYYY-MM) or a quarter (YYYY-Qn)' })
  period?: string;
}
