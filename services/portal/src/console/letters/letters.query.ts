import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@cityworks/platform';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The filters supervision's GET /letters takes; it checks them again and scopes to the user. */
export class LettersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['提醒函', '督办函'] })
  @IsOptional()
  @IsIn(['提醒函', '督办函'], { message: 'kind must be one of 提醒函, 督办函' })
  kind?: string;

  @ApiPropertyOptional({ enum: ['issued', 'received', 'replied', 'overdue'] })
  @IsOptional()
  @IsIn(['issued', 'received', 'replied', 'overdue'], { message: 'status must be one of issued, received, replied, overdue' })
  status?: string;

  @ApiPropertyOptional({ description: '主送机关', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode?: string;

  @ApiPropertyOptional({ format: 'date', description: 'issued on or after (China day)' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'issued on or before (China day)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' })
  to?: string;
}
