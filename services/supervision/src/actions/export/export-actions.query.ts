import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsReportDay } from '../../common/china-day-range';

export class ExportActionsQuery {
  @ApiProperty({ format: 'date', description: 'first day (China) of the period, by action time (检查时间 / 决定日期)', example: '2026-11-01' })
  @IsReportDay()
  from: string;

  @ApiProperty({ format: 'date', description: 'last day (China) of the period, included', example: '2026-11-30' })
  @IsReportDay()
  to: string;

  @ApiProperty({ enum: ['check', 'penalty'], description: '行政检查 or 行政处罚' })
  @IsIn(['check', 'penalty'])
  kind: 'check' | 'penalty';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
