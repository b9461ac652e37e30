import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { RegionLevel, RegionLevels } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';
import { REGION_PATTERN, REGION_RULE } from '../../common/validators';

export class ListRegionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RegionLevels })
  @IsOptional()
  @IsIn(RegionLevels)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'only the regions directly under this one' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `parentCode ${REGION_RULE}` })
  parentCode?: string;
}
