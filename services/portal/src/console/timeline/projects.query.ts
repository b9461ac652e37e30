import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProjectTypes } from '@cityworks/contracts';
import type { ProjectType } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';

export class ProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ProjectTypes, description: '项目类型' })
  @IsOptional()
  @IsIn(ProjectTypes, { message: `type must be one of ${ProjectTypes.join(', ')}` })
  type?: ProjectType;
}
