import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DepartmentTimingView {
  @ApiProperty()
  departmentCode: string;

  @ApiProperty({ type: 'integer', description: 'applications accepted in the period' })
  accepted: number;

  @ApiProperty({ type: 'integer' })
  decided: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'working days, over the decided ones' })
  averageUsedWorkingDays: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  maxUsedWorkingDays: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'decided within the time limit / decided' })
  withinLimitShare: number | null;

  @ApiProperty({ type: 'integer', description: 'undecided, past the deadline, clock running' })
  overdueOpen: number;

  @ApiProperty({ type: 'integer', description: 'refused clock-stops (不得违规暂停计时)' })
  illegalClockStopAttempts: number;
}

/** 办理用时 per department over a period: what the 工改办 reports monthly. */
export class TimingReportView {
  @ApiProperty({ description: 'the period, YYYY or YYYY-MM (China time)', example: '2026-11' })
  period: string;

  @ApiProperty({ format: 'date-time', description: 'open applications are judged as of this instant' })
  asOf: string;

  @ApiProperty({ type: [DepartmentTimingView] })
  departments: DepartmentTimingView[];
}
