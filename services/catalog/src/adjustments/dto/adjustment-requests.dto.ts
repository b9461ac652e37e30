import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@cityworks/platform';
import { CODE_PATTERN, CODE_RULE, IsCalendarDate, REGION_PATTERN, REGION_RULE } from '../../common/validators';
import type { AdjustmentStatus } from '../list-adjustment.entity';

const STATUSES = ['open', 'adopted', 'dismissed', 'superseded', 'withdrawn'] as const;
const KINDS = ['approval-item', 'supervision-item'] as const;

export class ListAdjustmentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the lower list (区县) that needs adjusting' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'the upper list (市) whose change raised the flags' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `upperRegionCode ${REGION_RULE}` })
  upperRegionCode?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  itemKind?: (typeof KINDS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `itemCode ${CODE_RULE}` })
  itemCode?: string;

  @ApiPropertyOptional({ enum: STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: AdjustmentStatus;
}

export class ListStatusQuery {
  @ApiPropertyOptional({ description: 'one list' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'every list directly below this one' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `upperRegionCode ${REGION_RULE}` })
  upperRegionCode?: string;
}

export class AdoptAdjustmentDto {
  @ApiProperty({ description: 'YYYY-MM-DD from which the lower list follows the upper version', example: '2026-08-01' })
  @IsCalendarDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeNote?: string;
}

export class DismissAdjustmentDto {
  @ApiProperty({
    description: 'why the lower list keeps its own version',
    example: '本区已由区行政审批局按原标准实施，经市工改办同意暂不调整',
    maxLength: 2000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
