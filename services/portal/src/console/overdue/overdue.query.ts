import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@cityworks/platform';

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['预警', '提醒函', '督办函', '通报'] })
  @IsOptional()
  @IsIn(['预警', '提醒函', '督办函', '通报'], { message: 'rung must be one of 预警, 提醒函, 督办函, 通报' })
  rung?: string;

  @ApiPropertyOptional({ description: '责任单位 (the 工改办 only; a department sees its own)', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode?: string;
}
