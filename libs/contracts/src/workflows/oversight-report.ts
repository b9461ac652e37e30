/**
 * The 工改办's oversight reports: the monthly 通报 and the quarterly 督查评分, one report per kind
 * and period, produced by `oversightReportWorkflow` on a Temporal Schedule or on demand for a
 * past period. Periods are China-time calendar months (`2026-10`) and quarters (`2026-Q3`).
 * Everything here is pure: the workflow derives its period from workflow time with it.
 */
export const oversightReportWorkflowType = 'oversightReportWorkflow';

export const OversightReportKinds = ['monthly', 'quarterly'] as const;
export type OversightReportKind = (typeof OversightReportKinds)[number];

/** The id of the run for a period: a repeated trigger finds the same workflow and the same report. */
export const oversightReportWorkflowId = (kind: OversightReportKind, period: string) => `oversight-report-${kind}-${period}`;

/** The Temporal Schedule of a kind (its runs are ids `<schedule id>-<time>`, the report stays one per period). */
export const oversightReportScheduleId = (kind: OversightReportKind) => `oversight-report-${kind}`;

export interface OversightReportInput {
  kind: OversightReportKind;
  /** `YYYY-MM` or `YYYY-Qn`; absent on a scheduled run: the previous month or quarter in China time */
  period?: string;
  /** how many finished applications the monthly report draws for review (随机抽查); absent: none */
  sampleSize?: number;
}

export interface OversightReportResult {
  reportId: string;
  kind: OversightReportKind;
  period: string;
  /** false when a report of the kind and period existed already (nothing was stored or published) */
  newlyPublished: boolean;
}

export const MONTH_PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const QUARTER_PERIOD = /^(\d{4})-Q([1-4])$/;

/** China has no daylight saving time: its offset is +08:00 all year. */
const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const chinaMidnight = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS);

/** Whether `period` is written as `kind` needs it. */
export function isOversightPeriod(kind: OversightReportKind, period: string): boolean {
  return (kind === 'monthly' ? MONTH_PERIOD : QUARTER_PERIOD).test(period);
}

/** The instants a period covers, [from, to), China time. Throws on a period not of its kind. */
export function oversightPeriodRange(kind: OversightReportKind, period: string): { from: Date; to: Date } {
  if (kind === 'monthly') {
    const m = MONTH_PERIOD.exec(period);
    if (!m) throw new Error(`period ${period} is not a month (YYYY-MM)`);
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { from: chinaMidnight(year, month), to: month === 12 ? chinaMidnight(year + 1, 1) : chinaMidnight(year, month + 1) };
  }
  const q = QUARTER_PERIOD.exec(period);
  if (!q) throw new Error(`period ${period} is not a quarter (YYYY-Qn)`);
  const year = Number(q[1]);
  const first = (Number(q[2]) - 1) * 3 + 1;
  return { from: chinaMidnight(year, first), to: first === 10 ? chinaMidnight(year + 1, 1) : chinaMidnight(year, first + 3) };
}

/** The month or quarter before the one `now` falls in, China time: what a scheduled run reports on. */
export function previousOversightPeriod(kind: OversightReportKind, now: Date): string {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  if (kind === 'monthly') return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const quarter = Math.ceil(month / 3);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}
