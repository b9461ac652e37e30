import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegionLevel, RegionLevels } from '@cityworks/contracts';
import { SchemaRules } from '@cityworks/platform';
import { REGION_PATTERN, REGION_RULE } from '../../common/validators';

// a 省 sits under nothing, a 市 under a 省 or nothing, a 区县 or 开发区 under a 市 (parentCode required)
@SchemaRules({
  anyOf: [
    { properties: { level: { enum: ['省'] }, parentCode: { nullable: true, enum: [null] } } },
    { properties: { level: { enum: ['市'] } } },
    { properties: { level: { enum: ['区县', '开发区'] }, parentCode: { type: 'string' } }, required: ['parentCode'] },
  ],
})
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
