import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ProjectType, ProjectTypes } from '@cityworks/contracts';
import { IsUscc } from '@cityworks/platform';
import { NAME_MAX_LENGTH, NAME_PATTERN, PROJECT_CODE_PATTERN, PROJECT_CODE_RULE, REGION_CODE_PATTERN, REGION_CODE_RULE } from '../domain/project';
import { ProjectFactsDto } from './project-facts.dto';

/** Registers a project (工程建设项目) with the facts known so far. */
export class RegisterProjectDto {
  @ApiProperty({ description: '项目代码 (unique)', example: '2026-210302-47-01-000123' })
  @Matches(PROJECT_CODE_PATTERN, { message: `code ${PROJECT_CODE_RULE}` })
  code: string;

  @ApiProperty({
    description: '项目名称: 1–200 characters, not only spaces',
    example: '铁东区第一中学教学楼新建工程',
    minLength: 1,
    maxLength: NAME_MAX_LENGTH,
  })
  @IsString()
  @Matches(NAME_PATTERN, { message: 'name must not be blank' })
  @MaxLength(NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ description: '项目类型: one of the catalog stage templates’ project types', enum: ProjectTypes, example: '社会投资房屋建筑' })
  @IsIn(ProjectTypes)
  type: ProjectType;

  @ApiProperty({ description: '行政区划代码 of the site', example: '210302' })
  @Matches(REGION_CODE_PATTERN, { message: `regionCode ${REGION_CODE_RULE}` })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码 (GB 32100, check character verified)', example: '91350100M000100Y43' })
  @IsUscc()
  ownerUscc: string;

  @ApiPropertyOptional({ type: ProjectFactsDto, description: 'what is known of the facts the stage templates test; absent: none yet' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectFactsDto)
  facts?: ProjectFactsDto;
}
