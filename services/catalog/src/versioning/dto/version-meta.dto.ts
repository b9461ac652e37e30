import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@cityworks/platform';
import { IsCalendarDate, REGION_PATTERN, REGION_RULE } from '../../common/validators';

/** Query strings carry booleans as text. */
export const booleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Where a new version goes in its item's timeline. */
export class PublishMetaDto {
  @ApiProperty({ description: 'the list (行政区划代码) the version belongs to', example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiProperty({
    description:
      "YYYY-MM-DD (China) from which the version is in force; after the latest version and not in the past (an item's first version may record an earlier publication)",
    example: '2026-07-01',
  })
  @IsCalendarDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ description: "the upper list's version of the same item this one follows (区县 following 市)", example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  followsVersion?: number;

  @ApiPropertyOptional({ description: '调整说明', example: '依据新修订的办法压减办理时限', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeNote?: string;
}

export class RetireItemDto {
  @ApiProperty({ example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiProperty({ description: 'YYYY-MM-DD from which the item no longer applies', example: '2026-09-01' })
  @IsCalendarDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ description: '取消理由', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeNote?: string;
}

export class ListRegionQuery {
  @ApiProperty({ description: 'the list (行政区划代码)', example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;
}

export class AsOfQuery extends ListRegionQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (China); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/** Paging, "as of" and the list to read, shared by the item lists. */
export class CurrentListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the region whose items apply (its own list plus what it inherits); absent: every list', example: '210302' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ description: "with regionCode: only the region's own list, nothing inherited", default: false })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  ownListOnly?: boolean;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (China); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'part of the name', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ExportQuery {
  @ApiProperty({ description: 'the list to export (its own items only, so it can be imported back)', example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (China); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @IsOptional()
  @Matches(/^(csv|json)$/, { message: 'format must be csv or json' })
  format?: 'csv' | 'json';

  @ApiPropertyOptional({ enum: ['en', 'zh'], default: 'en', description: 'CSV header: API field names or the Chinese column titles (both import)' })
  @IsOptional()
  @Matches(/^(en|zh)$/, { message: 'headers must be en or zh' })
  headers?: 'en' | 'zh';
}

export class ImportQuery {
  @ApiProperty({ description: 'the list the file is for', example: '210300' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiProperty({ description: 'YYYY-MM-DD from which the new and changed rows are in force', example: '2026-07-01' })
  @IsCalendarDate()
  effectiveFrom: string;
}

export class AmendMetaDto {
  @ApiPropertyOptional({ description: 'move the day the pending version takes effect' })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeNote?: string;
}
