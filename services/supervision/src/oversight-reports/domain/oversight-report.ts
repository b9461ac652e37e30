import type {
  ApplicationDepartmentFigures,
  ApplicationFigures,
  ApplicationSample,
  NewIntegrationEvent,
  OversightReportKind,
  ReportPublishedV1,
  SupervisionDepartmentFigures,
  SupervisionFigures,
} from '@cityworks/contracts';
import { EscalationEventTypes, isOversightPeriod, oversightPeriodRange } from '@cityworks/contracts';
import { RuleViolation, Transition } from '@cityworks/platform';
import { DepartmentScore, scoreDepartment, ScoreWeights } from './scoring';

type ApplicationRow = Omit<ApplicationDepartmentFigures, 'departmentCode'>;
type SupervisionRow = Omit<SupervisionDepartmentFigures, 'departmentCode'>;

/** One department's line of the report: every figure, the totals of obligations, and (quarterly) its score. */
export interface DepartmentReport {
  departmentCode: string;
  /** all obligations of the period: on time, and late (decided late, undecided past the deadline, feedback or verification missed) */
  obligations: { onTime: number; late: number };
  applications: ApplicationRow;
  supervisionTasks: SupervisionRow['tasks'];
  commitments: SupervisionRow['commitments'];
  letters: SupervisionRow['letters'];
  escalation: SupervisionRow['escalation'];
  /** 投诉举报 about its own conduct found substantiated in the period */
  conductComplaintsUpheld: number;
  /** quarterly reports only */
  score: DepartmentScore | null;
}

export interface OversightReportState {
  id: string;
  kind: OversightReportKind;
  period: string;
  from: Date;
  to: Date;
  generatedAt: Date;
  workflowId: string;
  /** when each service read its records */
  sources: { applicationsAsOf: string; supervisionAsOf: string };
  /** ordered by department code (monthly) or by score, best first (quarterly) */
  departments: DepartmentReport[];
  totals: {
    onTime: number;
    late: number;
    lettersReceived: number;
    lettersOverdue: number;
    escalatedObligations: number;
    illegalClockStopAttempts: number;
    /** absent from reports stored before it was counted */
    conductComplaintsUpheld?: number;
  };
  /** the weights a quarterly score used; null on a monthly report */
  weights: ScoreWeights | null;
  sample: ApplicationSample | null;
}

const EMPTY_APPLICATIONS: ApplicationRow = {
  decided: 0,
  decidedOnTime: 0,
  decidedLate: 0,
  openOverdue: 0,
  averageUsedWorkingDays: null,
  maxUsedWorkingDays: null,
  illegalClockStopAttempts: 0,
};
const EMPTY_SUPERVISION: SupervisionRow = {
  tasks: { due: 0, onTime: 0, late: 0 },
  commitments: { due: 0, verifiedOnTime: 0, notOnTime: 0 },
  letters: { received: 0, reminders: 0, supervisionLetters: 0, acknowledged: 0, answered: 0, answeredLate: 0, overdue: 0 },
  escalation: { obligations: 0, warnings: 0, reminders: 0, supervisionLetters: 0, circulars: 0 },
  conductComplaintsUpheld: 0,
};

/** Joins approval's and supervision's figures per department and, for a quarter, scores each. */
export function departmentReports(applications: ApplicationFigures, supervision: SupervisionFigures, weights: ScoreWeights | null): DepartmentReport[] {
  const byApplications = new Map(applications.departments.map(({ departmentCode, ...row }) => [departmentCode, row]));
  const bySupervision = new Map(supervision.departments.map(({ departmentCode, ...row }) => [departmentCode, row]));
  const codes = [...new Set([...byApplications.keys(), ...bySupervision.keys()])].sort();
  const rows = codes.map((departmentCode): DepartmentReport => {
    const a = byApplications.get(departmentCode) ?? EMPTY_APPLICATIONS;
    const s = bySupervision.get(departmentCode) ?? EMPTY_SUPERVISION;
    const onTime = a.decidedOnTime + s.tasks.onTime + s.commitments.verifiedOnTime;
    const late = a.decidedLate + a.openOverdue + s.tasks.late + s.commitments.notOnTime;
    const score = weights
      ? scoreDepartment(
          {
            rates: {
              applications: { onTime: a.decidedOnTime, due: a.decided + a.openOverdue },
              supervisionTasks: { onTime: s.tasks.onTime, due: s.tasks.due },
              commitments: { onTime: s.commitments.verifiedOnTime, due: s.commitments.due },
              letters: { onTime: s.letters.received - s.letters.overdue, due: s.letters.received },
            },
            illegalClockStopAttempts: a.illegalClockStopAttempts,
            supervisionLettersReceived: s.letters.supervisionLetters,
            circulars: s.escalation.circulars,
          },
          weights,
        )
      : null;
    return {
      departmentCode,
      obligations: { onTime, late },
      applications: a,
      supervisionTasks: s.tasks,
      commitments: s.commitments,
      letters: s.letters,
      escalation: s.escalation,
      conductComplaintsUpheld: s.conductComplaintsUpheld,
      score,
    };
  });
  if (weights) rows.sort((x, y) => y.score!.score - x.score!.score || x.departmentCode.localeCompare(y.departmentCode));
  return rows;
}

export interface PublishReport {
  id: string;
  kind: OversightReportKind;
  period: string;
  from: Date;
  to: Date;
  workflowId: string;
  applications: ApplicationFigures;
  supervision: SupervisionFigures;
  sample: ApplicationSample | null;
  /** used for a quarterly report only */
  weights: ScoreWeights;
  generatedAt: Date;
}

/**
 * The 工改办's monthly 通报 or quarterly 督查评分 of one period, as published: the figures are
 * fixed when it is published and never recomputed (a later look at the same period is a new
 * question, not this report).
 */
export class OversightReport {
  private constructor(private readonly state: OversightReportState) {}

  /** Checks the period, joins the figures (and scores a quarter); the transition announces report.published.v1 once the PDF's digest is known. */
  static compose(input: PublishReport): OversightReport {
    if (!isOversightPeriod(input.kind, input.period))
      throw new RuleViolation(`period ${input.period} is not a ${input.kind === 'monthly' ? 'month (YYYY-MM)' : 'quarter (YYYY-Qn)'}`, 'rule');
    const range = oversightPeriodRange(input.kind, input.period);
    if (range.from.getTime() !== input.from.getTime() || range.to.getTime() !== input.to.getTime())
      throw new RuleViolation(
        `from and to must be the bounds of ${input.period} in China time (${range.from.toISOString()} – ${range.to.toISOString()})`,
        'rule',
      );
    if (range.to > input.generatedAt) throw new RuleViolation(`period ${input.period} has not ended yet; a report covers a past period`, 'rule');
    const weights = input.kind === 'quarterly' ? { ...input.weights } : null;
    const departments = departmentReports(input.applications, input.supervision, weights);
    const sum = (pick: (d: DepartmentReport) => number) => departments.reduce((total, d) => total + pick(d), 0);
    return new OversightReport({
      id: input.id,
      kind: input.kind,
      period: input.period,
      from: range.from,
      to: range.to,
      generatedAt: input.generatedAt,
      workflowId: input.workflowId,
      sources: { applicationsAsOf: input.applications.asOf, supervisionAsOf: input.supervision.asOf },
      departments,
      totals: {
        onTime: sum((d) => d.obligations.onTime),
        late: sum((d) => d.obligations.late),
        lettersReceived: sum((d) => d.letters.received),
        lettersOverdue: sum((d) => d.letters.overdue),
        escalatedObligations: sum((d) => d.escalation.obligations),
        illegalClockStopAttempts: sum((d) => d.applications.illegalClockStopAttempts),
        conductComplaintsUpheld: sum((d) => d.conductComplaintsUpheld),
      },
      weights,
      sample: input.sample,
    });
  }

  static restore(state: OversightReportState): OversightReport {
    return new OversightReport(state);
  }

  get snapshot(): Readonly<OversightReportState> {
    return this.state;
  }

  /** Published: stored with its PDF (digest `pdfSha256`) and announced on escalation.events. */
  published(pdfSha256: string): Transition {
    const s = this.state;
    const data: ReportPublishedV1 = {
      reportId: s.id,
      kind: s.kind,
      period: s.period,
      from: s.from.toISOString(),
      to: s.to.toISOString(),
      generatedAt: s.generatedAt.toISOString(),
      departments: s.departments.map((d) => ({
        departmentCode: d.departmentCode,
        obligationsOnTime: d.obligations.onTime,
        obligationsLate: d.obligations.late,
        lettersOverdue: d.letters.overdue,
        score: d.score?.score ?? null,
      })),
      sample: s.sample ? { seed: s.sample.seed, size: s.sample.size, drawn: s.sample.items.length, populationSize: s.sample.populationSize } : null,
      pdfSha256,
    };
    const event: NewIntegrationEvent<ReportPublishedV1> = { type: EscalationEventTypes.reportPublished, subject: s.id, data };
    return {
      action: 'oversight-report.published',
      before: null,
      after: { kind: s.kind, period: s.period, departments: s.departments.length, totals: s.totals, sampleSeed: s.sample?.seed ?? null, pdfSha256 },
      events: [event],
    };
  }
}
