import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@cityworks/platform';

export class RegisterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['permit', 'penalty'], description: 'permit = 行政许可, penalty = 行政处罚' })
  @IsOptional()
  @IsIn(['permit', 'penalty'], { message: 'kind must be one of permit, penalty' })
  kind?: string;

  @ApiPropertyOptional({ description: '行政相对人名称 (part of it) or 统一社会信用代码 (its start)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}

export class StatisticsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: 'this year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, description: 'the whole year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;
}
