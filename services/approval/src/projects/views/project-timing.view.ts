import { ApiProperty } from '@nestjs/swagger';
import { ApprovalStage, ApprovalStages } from '@cityworks/contracts';
import type { ProjectTiming, StageTiming, WholeProcessTiming } from '../domain/project-timing';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** 办理用时 of one stage of a project. */
export class StageTimingView {
  @ApiProperty({ enum: ApprovalStages })
  stage: ApprovalStage;

  @ApiProperty({ type: 'integer', description: "the stage's applications (办件)" })
  applications: number;

  @ApiProperty({ type: 'integer' })
  decided: number;

  @ApiProperty({ description: 'every application of the stage is decided (and there is one)' })
  completed: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null without applications' })
  firstAcceptedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "the latest decision so far; the stage's end once completed" })
  lastDecidedAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'working days in (first acceptance day, last decision day], or up to today while an application of the stage is open; calendar time of the stage, clock-stops not taken off; null without applications',
  })
  elapsedWorkingDays: number | null;

  @ApiProperty({ type: 'integer', description: "the applications' own used working days (clock-stops excluded; an open one so far), summed" })
  usedWorkingDaysSum: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the largest of them; null without an application with a clock' })
  usedWorkingDaysMax: number | null;

  @ApiProperty({ description: 'counted across a year without an official holiday arrangement yet' })
  provisional: boolean;

  static of(timing: StageTiming): StageTimingView {
    return Object.assign(new StageTimingView(), { ...timing, firstAcceptedAt: iso(timing.firstAcceptedAt), lastDecidedAt: iso(timing.lastDecidedAt) });
  }
}

/** 全流程: from the project's first acceptance to the 竣工验收 decision. */
export class WholeProcessTimingView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the first acceptance of any stage; null without applications' })
  firstAcceptedAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the last 竣工验收 decision once every 竣工验收 application is decided; null until then',
  })
  completedAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'working days in (first acceptance day, completion day], or up to today until 竣工验收 is decided; null without applications',
  })
  elapsedWorkingDays: number | null;

  @ApiProperty({ description: 'counted across a year without an official holiday arrangement yet' })
  provisional: boolean;

  static of(timing: WholeProcessTiming): WholeProcessTimingView {
    return Object.assign(new WholeProcessTimingView(), { ...timing, firstAcceptedAt: iso(timing.firstAcceptedAt), completedAt: iso(timing.completedAt) });
  }
}

/** 办理用时 of a project per stage and as a whole: what the 工改办 reports on 全流程审批时间. */
export class ProjectTimingView {
  @ApiProperty({ description: '项目代码' })
  projectCode: string;

  @ApiProperty({ format: 'date-time', description: 'open stages and the open process are counted up to this instant' })
  asOf: string;

  @ApiProperty({ type: [StageTimingView], description: 'every stage, in order; 市政公用报装 (alongside the others) last' })
  stages: StageTimingView[];

  @ApiProperty({ type: 'integer', description: 'applications without a recorded stage (accepted before it was recorded): counted in the whole process only' })
  unstagedApplications: number;

  @ApiProperty({ type: WholeProcessTimingView })
  wholeProcess: WholeProcessTimingView;

  static of(timing: ProjectTiming, asOf: Date): ProjectTimingView {
    return Object.assign(new ProjectTimingView(), {
      projectCode: timing.projectCode,
      asOf: asOf.toISOString(),
      stages: timing.stages.map(StageTimingView.of),
      unstagedApplications: timing.unstagedApplications,
      wholeProcess: WholeProcessTimingView.of(timing.wholeProcess),
    });
  }
}
