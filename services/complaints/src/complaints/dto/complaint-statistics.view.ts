import { ApiProperty } from '@nestjs/swagger';
import { ComplaintCategories, ComplaintCategory } from '@cityworks/contracts';
import { ComplaintKind, ComplaintKinds } from '../intake/complaint-kind';

/** 有诉必应 figures of one department, kind and category for complaints received in the period. */
export class ComplaintStatisticsRow {
  @ApiProperty()
  departmentCode: string;

  @ApiProperty({ enum: ComplaintKinds, description: '审批服务 / 违法违规举报 / 建议' })
  kind: ComplaintKind;

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

  @ApiProperty({ description: 'late on either deadline (acknowledgement or answer), missed ones past it included' })
  late: number;

  @ApiProperty({ description: 'not answered yet' })
  open: number;

  @ApiProperty({ description: 'reopened on an unsatisfied rating for the 工改办’s review' })
  reopened: number;

  @ApiProperty({ description: 'last rating satisfied (the review’s when reopened)' })
  satisfied: number;

  @ApiProperty({ description: 'last rating unsatisfied' })
  unsatisfied: number;

  @ApiProperty({ type: Number, nullable: true, description: '满意率: satisfied / rated, three decimals; null when none was rated' })
  satisfactionRate: number | null;
}

export class ComplaintStatisticsView {
  @ApiProperty({ format: 'date-time', description: 'first instant of the period (China time)' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'first instant after the period' })
  to: string;

  @ApiProperty({ type: [ComplaintStatisticsRow] })
  rows: ComplaintStatisticsRow[];
}
