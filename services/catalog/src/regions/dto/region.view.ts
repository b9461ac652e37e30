import { ApiProperty } from '@nestjs/swagger';
import { RegionLevels } from '@cityworks/contracts';
import type { RegionLevel } from '@cityworks/contracts';

/** A region as the API answers it (the Region row). */
export class RegionView {
  @ApiProperty({ description: '行政区划代码', example: '210302' }) code: string;
  @ApiProperty({ example: '铁东区' }) name: string;
  @ApiProperty({ enum: RegionLevels }) level: RegionLevel;
  @ApiProperty({ type: String, nullable: true, example: '210300' }) parentCode: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
