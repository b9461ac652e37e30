import type { ApplicationSummary, LetterSummary, ProjectSummary, TimingReportDepartment } from './upstream-shapes';

/** The China month (UTC+8, no daylight saving) an instant falls in, as YYYY-MM. */
export function chinaMonthOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

export interface DepartmentOnTime {
  departmentCode: string;
  /** decided within the statutory limit */
  onTime: number;
  /** decided past the limit, or open and already past it */
  late: number;
}

/**
 * 按时 vs 超期 per department from approval's timing report: decided × share within the limit
 * are on time; the rest of the decided, and the open ones already overdue, are late.
 */
export function obligationsOnTime(rows: TimingReportDepartment[]): DepartmentOnTime[] {
  return rows
    .map((r) => {
      const onTime = Math.round(r.decided * (r.withinLimitShare ?? 1));
      return { departmentCode: r.departmentCode, onTime, late: r.decided - onTime + r.overdueOpen };
    })
    .sort((a, b) => b.late - a.late || a.departmentCode.localeCompare(b.departmentCode));
}

export interface LettersInMonth {
  month: string;
  issued: number;
  answered: number;
}

/** 提醒函/督办函 issued and answered per China month of `year`, every month listed (zeros included). */
export function lettersPerMonth(letters: Pick<LetterSummary, 'issuedAt' | 'repliedAt'>[], year: number): LettersInMonth[] {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, issued: 0, answered: 0 }));
  const at = new Map(months.map((m) => [m.month, m]));
  for (const l of letters) {
    const issued = at.get(chinaMonthOf(l.issuedAt));
    if (issued) issued.issued++;
    const answered = l.repliedAt ? at.get(chinaMonthOf(l.repliedAt)) : undefined;
    if (answered) answered.answered++;
  }
  return months;
}

export interface FiveNumbers {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Quartiles by linear interpolation between order statistics (the usual box-plot reading). */
export function fiveNumbers(values: number[]): FiveNumbers {
  if (!values.length) throw new Error('fiveNumbers of no values');
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = (s.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return Math.round((s[lo] + (s[hi] - s[lo]) * (pos - lo)) * 100) / 100;
  };
  return { min: s[0], q1: q(0.25), median: q(0.5), q3: q(0.75), max: s[s.length - 1] };
}

export interface UsedDaysOfType {
  projectType: string;
  /** decided applications counted */
  applications: number;
  usedWorkingDays: FiveNumbers;
  /** the statutory limit most of them had (median of their limits) */
  limitWorkingDays: number;
  /** decided past their own limit */
  overLimit: number;
}

/**
 * 办理用时 of decided applications per project type against their limit. Applications whose
 * project is unknown (not in `projects`) are left out; open ones are not counted since their
 * days are still running.
 */
export function usedDaysByProjectType(applications: ApplicationSummary[], projects: Pick<ProjectSummary, 'code' | 'type'>[]): UsedDaysOfType[] {
  const typeOf = new Map(projects.map((p) => [p.code, p.type]));
  const byType = new Map<string, ApplicationSummary[]>();
  for (const a of applications) {
    const type = typeOf.get(a.projectCode);
    if (!type || !a.decidedAt) continue;
    byType.set(type, [...(byType.get(type) ?? []), a]);
  }
  return [...byType.entries()]
    .map(([projectType, apps]) => ({
      projectType,
      applications: apps.length,
      usedWorkingDays: fiveNumbers(apps.map((a) => a.timing.usedWorkingDays)),
      limitWorkingDays: fiveNumbers(apps.map((a) => a.timing.timeLimitWorkingDays)).median,
      overLimit: apps.filter((a) => a.timing.decidedWithinLimit === false).length,
    }))
    .sort((a, b) => a.projectType.localeCompare(b.projectType, 'zh-CN'));
}
