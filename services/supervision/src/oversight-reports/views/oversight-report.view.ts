import { ApiProperty } from '@nestjs/swagger';
import { OversightReportKind, OversightReportKinds } from '@cityworks/contracts';
import type { DepartmentReport, OversightReport } from '../domain/oversight-report';

const int = { type: 'integer', minimum: 0 } as const;
const days = { type: Number, nullable: true, description: 'working days; null when nothing was decided' } as const;

export class OnTimeLateView {
  @ApiProperty(int) onTime: number;
  @ApiProperty(int) late: number;
}

export class ApplicationFiguresView {
  @ApiProperty({ ...int, description: 'decided in the period' }) decided: number;
  @ApiProperty({ ...int, description: 'decided within the time limit' }) decidedOnTime: number;
  @ApiProperty(int) decidedLate: number;
  @ApiProperty({ ...int, description: 'undecided, past the deadline at the period end' }) openOverdue: number;
  @ApiProperty(days) averageUsedWorkingDays: number | null;
  @ApiProperty(days) maxUsedWorkingDays: number | null;
  @ApiProperty({ ...int, description: '不得违规暂停计时: refused clock-stops' }) illegalClockStopAttempts: number;
}

export class TaskFiguresView {
  @ApiProperty({ ...int, description: '监管结果反馈 due in the period' }) due: number;
  @ApiProperty(int) onTime: number;
  @ApiProperty({ ...int, description: 'fed back late or not yet' }) late: number;
}

export class CommitmentFiguresView {
  @ApiProperty({ ...int, description: '告知承诺核查 due in the period' }) due: number;
  @ApiProperty(int) verifiedOnTime: number;
  @ApiProperty(int) notOnTime: number;
}

export class LetterFiguresView {
  @ApiProperty({ ...int, description: '提醒函 and 督办函 issued to the department in the period' }) received: number;
  @ApiProperty(int) reminders: number;
  @ApiProperty(int) supervisionLetters: number;
  @ApiProperty({ ...int, description: '签收' }) acknowledged: number;
  @ApiProperty(int) answered: number;
  @ApiProperty(int) answeredLate: number;
  @ApiProperty({ ...int, description: 'not answered by the reply deadline' }) overdue: number;
}

export class EscalationFiguresView {
  @ApiProperty({ ...int, description: 'obligations with a rung fired in the period' }) obligations: number;
  @ApiProperty(int) warnings: number;
  @ApiProperty(int) reminders: number;
  @ApiProperty(int) supervisionLetters: number;
  @ApiProperty({ ...int, description: '通报 (追责)' }) circulars: number;
}

export class ScoreRatesView {
  @ApiProperty({ type: Number, nullable: true }) applications: number | null;
  @ApiProperty({ type: Number, nullable: true }) supervisionTasks: number | null;
  @ApiProperty({ type: Number, nullable: true }) commitments: number | null;
  @ApiProperty({ type: Number, nullable: true }) letters: number | null;
}

export class ScoreDeductionsView {
  @ApiProperty({ type: Number }) illegalClockStop: number;
  @ApiProperty({ type: Number }) supervisionLetter: number;
  @ApiProperty({ type: Number }) circular: number;
}

export class DepartmentScoreView {
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: Number }) base: number;
  @ApiProperty({ type: ScoreRatesView }) rates: ScoreRatesView;
  @ApiProperty({ type: ScoreDeductionsView }) deductions: ScoreDeductionsView;
}

export class DepartmentReportView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: OnTimeLateView }) obligations: OnTimeLateView;
  @ApiProperty({ type: ApplicationFiguresView }) applications: ApplicationFiguresView;
  @ApiProperty({ type: TaskFiguresView }) supervisionTasks: TaskFiguresView;
  @ApiProperty({ type: CommitmentFiguresView }) commitments: CommitmentFiguresView;
  @ApiProperty({ type: LetterFiguresView }) letters: LetterFiguresView;
  @ApiProperty({ type: EscalationFiguresView }) escalation: EscalationFiguresView;
  @ApiProperty({ ...int, description: '投诉举报 about the department’s own conduct (审批服务) found substantiated in the period' })
  conductComplaintsUpheld: number;
  @ApiProperty({ type: DepartmentScoreView, nullable: true, description: 'quarterly reports only' }) score: DepartmentScoreView | null;
}

export class ReportTotalsView {
  @ApiProperty(int) onTime: number;
  @ApiProperty(int) late: number;
  @ApiProperty(int) lettersReceived: number;
  @ApiProperty(int) lettersOverdue: number;
  @ApiProperty(int) escalatedObligations: number;
  @ApiProperty(int) illegalClockStopAttempts: number;
  @ApiProperty({ ...int, description: '投诉举报 about departments’ own conduct found substantiated' }) conductComplaintsUpheld: number;
}

export class ScoreWeightsView {
  @ApiProperty({ type: Number }) applications: number;
  @ApiProperty({ type: Number }) supervisionTasks: number;
  @ApiProperty({ type: Number }) commitments: number;
  @ApiProperty({ type: Number }) letters: number;
  @ApiProperty({ type: Number }) illegalClockStop: number;
  @ApiProperty({ type: Number }) supervisionLetter: number;
  @ApiProperty({ type: Number }) circular: number;
}

export class SampledApplicationView {
  @ApiProperty() applicationId: string;
  @ApiProperty() projectCode: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ enum: ['approved', 'rejected', 'revoked'] }) status: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: 'integer', nullable: true }) timeLimitWorkingDays: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) usedWorkingDays: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) decidedWithinLimit: boolean | null;
}

export class ApplicationSampleView {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 4294967295, description: 'the recorded seed: the same seed over the same population draws the same' })
  seed: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) size: number;
  @ApiProperty(int) populationSize: number;
  @ApiProperty({ description: 'SHA-256 of the sorted ids of the population drawn from' }) populationDigest: string;
  @ApiProperty({ type: [SampledApplicationView], description: 'in drawing order' }) items: SampledApplicationView[];
}

/** A report without its departments' lines: what a list shows. */
export class OversightReportSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OversightReportKinds }) kind: OversightReportKind;
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ format: 'date-time', description: 'start of the period (China midnight), included' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'end of the period, excluded' }) to: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ description: 'the workflow run that produced it' }) workflowId: string;
  @ApiProperty({ type: ReportTotalsView }) totals: ReportTotalsView;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the sample seed (monthly)' }) sampleSeed: number | null;
  @ApiProperty({ description: 'where the PDF is' }) pdf: string;

  static of(report: OversightReport): OversightReportSummaryView {
    const s = report.snapshot;
    return Object.assign(new OversightReportSummaryView(), {
      id: s.id,
      kind: s.kind,
      period: s.period,
      from: s.from.toISOString(),
      to: s.to.toISOString(),
      generatedAt: s.generatedAt.toISOString(),
      workflowId: s.workflowId,
      // reports stored before conduct complaints were counted have none
      totals: { ...s.totals, conductComplaintsUpheld: s.totals.conductComplaintsUpheld ?? 0 },
      sampleSeed: s.sample?.seed ?? null,
      pdf: `/oversight-reports/${s.id}/pdf`,
    });
  }
}

export class ReportSourcesView {
  @ApiProperty({ format: 'date-time', description: 'when approval read its records' }) applicationsAsOf: string;
  @ApiProperty({ format: 'date-time', description: 'when supervision read its records' }) supervisionAsOf: string;
}

/** The whole report as published (the JSON download). */
export class OversightReportView extends OversightReportSummaryView {
  @ApiProperty({ type: [DepartmentReportView], description: 'by department code (monthly) or by score, best first (quarterly)' })
  departments: DepartmentReportView[];
  @ApiProperty({ type: ScoreWeightsView, nullable: true, description: 'the scoring weights used (quarterly)' }) weights: ScoreWeightsView | null;
  @ApiProperty({ type: ApplicationSampleView, nullable: true, description: '随机抽查已办结事项 (monthly)' }) sample: ApplicationSampleView | null;
  @ApiProperty({ type: ReportSourcesView }) sources: ReportSourcesView;

  static ofReport(report: OversightReport): OversightReportView {
    const s = report.snapshot;
    return Object.assign(new OversightReportView(), OversightReportSummaryView.of(report), {
      departments: s.departments.map((d: DepartmentReport) => ({ ...d, conductComplaintsUpheld: d.conductComplaintsUpheld ?? 0 })),
      weights: s.weights,
      sample: s.sample,
      sources: s.sources,
    });
  }
}

export class OversightReportTriggeredView {
  @ApiProperty({ enum: OversightReportKinds }) kind: OversightReportKind;
  @ApiProperty() period: string;
  @ApiProperty({ example: 'oversight-report-monthly-2026-10', description: 'the stable workflow id: a repeat finds the same run and the same report' })
  workflowId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the report, when one of the kind and period exists already' })
  reportId: string | null;
}
