import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const RUNGS = ['预警', '提醒函', '督办函', '通报'];

/** One late obligation at a rung of the escalation ladder (逾期事项). */
export class OverdueItemView {
  @ApiProperty({ description: 'the ladder step or letter id' }) id: string;
  @ApiProperty({ enum: RUNGS, description: '预警 / 提醒函 / 督办函 / 通报' }) rung: string;
  @ApiProperty({ description: '责任单位' }) departmentCode: string;
  @ApiProperty({ description: 'application, supervision-feedback, complaint …' }) obligationKind: string;
  @ApiProperty() obligationId: string;
  @ApiProperty({ description: 'what is late, as the letter names it' }) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) projectCode: string | null;
  @ApiProperty({ format: 'date-time', description: 'the deadline missed' }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'when the rung fired' }) firedAt: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the 提醒函/督办函, for its PDF' }) letterId: string | null;
  @ApiProperty({ description: 'the obligation’s workflow in the Temporal UI' }) temporalUrl: string;
}

export class OverduePageView {
  @ApiProperty({ type: [OverdueItemView] }) items: OverdueItemView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
  @ApiProperty({ enum: ['escalation-ledger', 'letters'], description: 'the 工改办’s ladder ledger, or a department’s own letters' }) source: string;
}
