import { ApiProperty } from '@nestjs/swagger';

export class ReportTotalsRowView {
  @ApiProperty({ type: 'integer' }) onTime: number;
  @ApiProperty({ type: 'integer' }) late: number;
  @ApiProperty({ type: 'integer' }) lettersReceived: number;
  @ApiProperty({ type: 'integer' }) lettersOverdue: number;
  @ApiProperty({ type: 'integer' }) escalatedObligations: number;
  @ApiProperty({ type: 'integer' }) illegalClockStopAttempts: number;
}

/** A 月度通报 or 季度督查评分 as the list shows it; the document is GET /api/reports/{id}/pdf. */
export class ReportRowView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['monthly', 'quarterly'] }) kind: string;
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: ReportTotalsRowView }) totals: ReportTotalsRowView;
}

export class ReportRowPageView {
  @ApiProperty({ type: [ReportRowView] }) items: ReportRowView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}
