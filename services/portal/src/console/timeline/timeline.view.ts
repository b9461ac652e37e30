import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ClockStopBarView {
  @ApiProperty({ description: '补正材料, 专家评审 …' }) reason: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null while stopped' }) to: string | null;
}

/** One application (办件) as a bar: accepted → decided (or now), its clock-stops cut out. */
export class ApplicationBarView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: 'integer' }) usedWorkingDays: number;
  @ApiProperty({ type: 'integer' }) timeLimitWorkingDays: number;
  @ApiProperty({ type: 'integer' }) suspendedWorkingDays: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: [ClockStopBarView] }) clockStops: ClockStopBarView[];
}

export class StageLaneView {
  @ApiProperty() stage: string;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) elapsedWorkingDays: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) usedWorkingDaysMax: number | null;
  @ApiProperty() completed: boolean;
  @ApiProperty({ type: [ApplicationBarView], description: 'the stage’s parallel applications (并联审批)' }) applications: ApplicationBarView[];
}

export class TimelineProjectView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() stage: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

/** 项目时间线: stages and their parallel applications for the Gantt, with used days and clock-stops. */
export class TimelineView {
  @ApiProperty({ type: TimelineProjectView }) project: TimelineProjectView;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '全流程 working days so far' }) wholeProcessWorkingDays: number | null;
  @ApiProperty({ type: [StageLaneView] }) stages: StageLaneView[];
}
