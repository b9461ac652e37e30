import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A year, or one month of it, in China time: complaints received in it are counted. */
export class ComplaintStatisticsQuery {
  @ApiProperty({ type: Number, minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 12, description: 'the whole year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @ApiPropertyOptional({ description: '责任部门代码 (the 工改办 and auditors; a handler sees its own department)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode?: string;
}
