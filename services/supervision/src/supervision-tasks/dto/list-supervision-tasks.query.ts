import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@cityworks/platform';

export class ListSupervisionTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'overdue', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'overdue', 'closed'])
  status?: 'open' | 'overdue' | 'closed';

  @ApiPropertyOptional({ description: '监管部门代码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ description: '办件 id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  applicationId?: string;
}
