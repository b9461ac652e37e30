import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { CommitmentStatus } from '../domain/commitment';

const STATUSES: CommitmentStatus[] = ['awaiting-verification', 'rectifying', 'fulfilled', 'broken'];

export class ListCommitmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CommitmentStatus;

  @ApiPropertyOptional({ description: '监管部门代码', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  supervisingDepartmentCode?: string;

  @ApiPropertyOptional({ description: '办件 id', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  applicationId?: string;

  @ApiPropertyOptional({ description: '建设单位统一社会信用代码' })
  @IsOptional()
  @IsUscc()
  ownerUscc?: string;
}
