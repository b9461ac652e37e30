import type { OversightReportKind, OversightReportResult } from '../workflows/oversight-report';

/** A report's period as instants, [from, to), ISO 8601. */
export interface OversightPeriodRange {
  from: string;
  to: string;
}

/**
 * One department's applications in a period (approval): the applications decided in it, and
 * those still undecided that were past their deadline at its end (with the clock running).
 */
export interface ApplicationDepartmentFigures {
  departmentCode: string;
  /** decided in the period */
  decided: number;
  /** decided in the period within the time limit */
  decidedOnTime: number;
  decidedLate: number;
  /** undecided when the report ran, past the deadline at the period's end */
  openOverdue: number;
  /** 办理用时 over the applications decided in the period; null when none was */
  averageUsedWorkingDays: number | null;
  maxUsedWorkingDays: number | null;
  /** refused clock-stops (不得违规暂停计时) on the applications counted here */
  illegalClockStopAttempts: number;
}

export interface ApplicationFigures {
  /** when approval read its records */
  asOf: string;
  departments: ApplicationDepartmentFigures[];
}

/** One finished application drawn for document and time-limit review (随机抽查已办结事项). */
export interface SampledApplication {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  status: 'approved' | 'rejected' | 'revoked';
  acceptedAt: string;
  decidedAt: string;
  /** null for an application accepted without catalog terms */
  timeLimitWorkingDays: number | null;
  usedWorkingDays: number | null;
  decidedWithinLimit: boolean | null;
}

/**
 * A seeded draw: the applications decided in the period, sorted by id, shuffled by a PRNG from
 * `seed` (mulberry32, partial Fisher–Yates), the first `size` taken. The same seed over the same
 * population gives the same sample; `populationDigest` (SHA-256 of the sorted ids) tells whether
 * the population is still the one drawn from.
 */
export interface ApplicationSample {
  seed: number;
  size: number;
  populationSize: number;
  populationDigest: string;
  items: SampledApplication[];
}

export interface SampleFinishedApplicationsInput extends OversightPeriodRange {
  /** an unsigned 32-bit integer */
  seed: number;
  size: number;
}

/** Activities approval runs for the oversight reports (task queue `approval`); read only. */
export interface ApprovalOversightActivities {
  applicationFigures(input: OversightPeriodRange): Promise<ApplicationFigures>;
  sampleFinishedApplications(input: SampleFinishedApplicationsInput): Promise<ApplicationSample>;
}

/** One department's supervision obligations, letters and rungs in a period (supervision). */
export interface SupervisionDepartmentFigures {
  departmentCode: string;
  /** 监管结果反馈 tasks due in the period: fed back by the deadline, or not (late or still missing) */
  tasks: { due: number; onTime: number; late: number };
  /** 告知承诺核查 due in the period, as the supervising department: verified by the deadline, or not */
  commitments: { due: number; verifiedOnTime: number; notOnTime: number };
  /** 提醒函 / 督办函 addressed to the department and issued in the period */
  letters: {
    received: number;
    reminders: number;
    supervisionLetters: number;
    /** 签收 */
    acknowledged: number;
    answered: number;
    answeredLate: number;
    /** not answered by the reply deadline as of the report (late, or still unanswered past it) */
    overdue: number;
  };
  /** the escalation ledger: rungs fired in the period against the department */
  escalation: { obligations: number; warnings: number; reminders: number; supervisionLetters: number; circulars: number };
  /** 投诉举报 about the department's own conduct (审批服务) found substantiated in the period */
  conductComplaintsUpheld: number;
}

export interface SupervisionFigures {
  asOf: string;
  departments: SupervisionDepartmentFigures[];
}

export interface PublishOversightReportInput extends OversightPeriodRange {
  kind: OversightReportKind;
  period: string;
  workflowId: string;
  applications: ApplicationFigures;
  supervision: SupervisionFigures;
  sample: ApplicationSample | null;
}

/** Activities supervision runs for the oversight reports (task queue `supervision`). */
export interface SupervisionOversightActivities {
  supervisionFigures(input: OversightPeriodRange): Promise<SupervisionFigures>;
  /** the report already stored for a kind and period, if any */
  findOversightReport(input: { kind: OversightReportKind; period: string }): Promise<{ reportId: string } | null>;
  /** stores (once per kind and period), renders the PDF, publishes `report.published.v1` */
  publishOversightReport(input: PublishOversightReportInput): Promise<OversightReportResult>;
}
