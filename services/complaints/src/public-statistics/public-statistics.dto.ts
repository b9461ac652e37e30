import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A year, or one month of it, in China time: complaints received in it are counted. */
export class PublicComplaintStatisticsQuery {
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
}

/** 有诉必应 of one department, as the public may see it: counts only, nobody named. */
export class PublicComplaintStatisticsRow {
  @ApiProperty({ description: '责任部门代码' }) departmentCode: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: '受理 (received in the period)' }) received: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: '按期答复 (answered by the answer deadline)' }) answeredOnTime: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'answered late, or not answered and past the deadline' }) answeredLate: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'rated (satisfied or unsatisfied)' }) rated: number;
  @ApiProperty({ type: Number, nullable: true, description: '满意率: satisfied / rated, three decimals; null when none was rated' })
  satisfactionRate: number | null;
}

export class PublicComplaintStatisticsView {
  @ApiProperty({ description: 'the period counted: YYYY or YYYY-MM (China time)', example: '2026' }) period: string;
  @ApiProperty({ type: [PublicComplaintStatisticsRow] }) departments: PublicComplaintStatisticsRow[];
}
