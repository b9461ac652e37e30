import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OversightReportKind, OversightReportKinds } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';

/** A month (`2026-10`) or a quarter (`2026-Q3`). */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const PERIOD_PATTERN = '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$';
const PERIOD_RULE = 'must be a month (YYYY-MM, e.g. 2026-10) or a quarter (YYYY-Qn, e.g. 2026-Q3)';

/** 手动生成: the report of a past period, started with a stable workflow id. */
export class TriggerOversightReportDto {
  @ApiProperty({ enum: OversightReportKinds, description: 'monthly 通报 or quarterly 督查评分' })
  @IsIn(OversightReportKinds, { message: `kind must be one of ${OversightReportKinds.join(', ')}` })
  kind: OversightReportKind;

  @ApiProperty({
    description:
      'the period, China time: a month (YYYY-MM) for kind monthly, a quarter (YYYY-Qn) for kind quarterly (422 otherwise), and one that has ended (422 otherwise)',
    example: '2026-10',
    pattern: PERIOD_PATTERN,
  })
  @Matches(PERIOD, { message: `period ${PERIOD_RULE}` })
  period: string;
}

export class ListOversightReportsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OversightReportKinds })
  @IsOptional()
  @IsIn(OversightReportKinds, { message: `kind must be one of ${OversightReportKinds.join(', ')}` })
  kind?: OversightReportKind;

  @ApiPropertyOptional({ description: 'a month (YYYY-MM) or a quarter (YYYY-Qn)', example: '2026-10', pattern: PERIOD_PATTERN })
  @IsOptional()
  @Matches(PERIOD, { message: `period ${PERIOD_RULE}` })
  period?: string;
}
