import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ComplaintStatus, ComplaintStatuses } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';

export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ComplaintStatuses })
  @IsOptional()
  @IsIn(ComplaintStatuses, { message: `status must be one of ${ComplaintStatuses.join(', ')}` })
  status?: ComplaintStatus;

  @ApiPropertyOptional({ description: '责任部门代码' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode?: string;

  @ApiPropertyOptional({ description: '行政区划代码 (6 digits)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative division code' })
  regionCode?: string;
}
