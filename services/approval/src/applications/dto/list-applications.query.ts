import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@cityworks/platform';

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['accepted', 'approved', 'rejected', 'revoked'] })
  @IsOptional()
  @IsIn(['accepted', 'approved', 'rejected', 'revoked'])
  status?: 'accepted' | 'approved' | 'rejected' | 'revoked';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  projectCode?: string;
}
