import { ApiProperty } from '@nestjs/swagger';
import { ComplaintCategories, ComplaintCategory } from '@cityworks/contracts';

/** 有诉必应 figures of one department and category for complaints received in the period. */
export class ComplaintStatisticsRow {
  @ApiProperty()
  departmentCode: string;

  @ApiProperty({ enum: ComplaintCategories })
  category: ComplaintCategory;

  @ApiProperty()
  received: number;

  @ApiProperty({ description: 'acknowledged by the acknowledgement deadline' })
  acknowledgedOnTime: number;

  @ApiProperty({ description: 'acknowledged after the deadline, or not acknowledged and past it' })
  acknowledgedLate: number;

  @ApiProperty({ description: 'answered by the answer deadline' })
  answeredOnTime: number;

  @ApiProperty({ description: 'answered after the deadline, or not answered and past it' })
  answeredLate: number;

  @ApiProperty({ description: 'not answered yet' })
  open: number;
}

export class ComplaintStatisticsView {
  @ApiProperty({ format: 'date-time', description: 'first instant of the period (China time)' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'first instant after the period' })
  to: string;

  @ApiProperty({ type: [ComplaintStatisticsRow] })
  rows: ComplaintStatisticsRow[];
}
