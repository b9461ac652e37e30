import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ProjectType, ProjectTypes } from '@cityworks/contracts';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { REGION_CODE_PATTERN, REGION_CODE_RULE } from '../domain/project';

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '项目类型', enum: ProjectTypes })
  @IsOptional()
  @IsIn(ProjectTypes)
  type?: ProjectType;

  @ApiPropertyOptional({ description: '行政区划代码; an officer sees only their own region’s projects', example: '210302' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: `regionCode ${REGION_CODE_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ description: '建设单位统一社会信用代码', example: '91350100M000100Y43' })
  @IsOptional()
  @IsUscc()
  ownerUscc?: string;
}
