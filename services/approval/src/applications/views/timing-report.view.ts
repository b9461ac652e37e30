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

  @ApiProperty({ type: 'integer', description: '联合审图/联合验收: opinions this department gave as a participating department' })
  jointReviewOpinions: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'over the opinions given: working days from acceptance (not counted) to the answer, clock-stops excluded; null when none was given',
  })
  averageJointReviewUsedWorkingDays: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  maxJointReviewUsedWorkingDays: number | null;

  @ApiProperty({ type: 'integer', description: "joint reviews still waiting for this department's opinion" })
  jointReviewsWaiting: number;
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
