import { WorkingDayCalendar } from '@cityworks/calendar';
import type { ApplicationState } from './application';
import { applicationTiming } from './application-timing';

/** 办理用时 of one department's applications accepted in a period. */
export interface DepartmentTiming {
  departmentCode: string;
  accepted: number;
  decided: number;
  /** over decided applications; null when none was decided */
  averageUsedWorkingDays: number | null;
  maxUsedWorkingDays: number | null;
  /** decided within the time limit / decided; null when none was decided */
  withinLimitShare: number | null;
  /** undecided and past the deadline with the clock running, as of now */
  overdueOpen: number;
  /** refused clock-stops (不得违规暂停计时) */
  illegalClockStopAttempts: number;
}

/**
 * The 工改办's timing report per department, computed from each application's own clock (the
 * same rule as the application view). Applications accepted before terms were recorded have no
 * clock and count only as accepted.
 */
export function timingByDepartment(applications: readonly ApplicationState[], calendar: WorkingDayCalendar, now: Date): DepartmentTiming[] {
  const rows = new Map<string, { accepted: number; used: number[]; within: number; overdueOpen: number; illegal: number }>();
  for (const application of applications) {
    const row = rows.get(application.departmentCode) ?? { accepted: 0, used: [], within: 0, overdueOpen: 0, illegal: 0 };
    rows.set(application.departmentCode, row);
    row.accepted++;
    row.illegal += application.illegalClockStopAttempts;
    const timing = applicationTiming(application, calendar, now);
    if (!timing) continue;
    if (application.decidedAt) {
      row.used.push(timing.usedWorkingDays);
      if (timing.decidedWithinLimit) row.within++;
    } else if (timing.overdue) {
      row.overdueOpen++;
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([departmentCode, row]) => ({
      departmentCode,
      accepted: row.accepted,
      decided: row.used.length,
      averageUsedWorkingDays: row.used.length ? Math.round((row.used.reduce((a, b) => a + b, 0) / row.used.length) * 100) / 100 : null,
      maxUsedWorkingDays: row.used.length ? Math.max(...row.used) : null,
      withinLimitShare: row.used.length ? Math.round((row.within / row.used.length) * 10000) / 10000 : null,
      overdueOpen: row.overdueOpen,
      illegalClockStopAttempts: row.illegal,
    }));
}
