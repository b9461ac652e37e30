import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DAY_PATTERN } from '../dto/action-header.dto';

export class ExportActionsQuery {
  @ApiProperty({ format: 'date', description: 'first day (China) of the period, by action time (检查时间 / 决定日期)', example: '2026-11-01' })
  @Matches(DAY_PATTERN, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @ApiProperty({ format: 'date', description: 'last day (China) of the period, included', example: '2026-11-30' })
  @Matches(DAY_PATTERN, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;

  @ApiProperty({ enum: ['check', 'penalty'], description: '行政检查 or 行政处罚' })
  @IsIn(['check', 'penalty'])
  kind: 'check' | 'penalty';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
