import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegionLevel, RegionLevels } from '@cityworks/contracts';
import { REGION_PATTERN, REGION_RULE } from '../../common/validators';

export class UpsertRegionDto {
  @ApiProperty({ description: '名称', example: '铁东区', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '层级: 区县 and 开发区 sit under a 市, a 市 under a 省 or nothing', enum: RegionLevels, example: '区县' })
  @IsIn(RegionLevels)
  level: RegionLevel;

  @ApiPropertyOptional({ description: '上级行政区划代码 (required for 区县 and 开发区)', example: '210300' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `parentCode ${REGION_RULE}` })
  parentCode?: string;
}
