import { WorkingDayCalendar } from '@cityworks/calendar';
import type { ApplicationDepartmentFigures } from '@cityworks/contracts';
import type { ApplicationState } from '../../applications/domain/application';
import { applicationTiming } from '../../applications/domain/application-timing';
import { timingByDepartment } from '../../applications/domain/timing-report';

export interface PeriodApplications {
  /** applications decided in the period */
  decided: readonly ApplicationState[];
  /** applications accepted before the period's end and undecided when the report runs */
  open: readonly ApplicationState[];
}

/** The applications of a period out of a larger set: decided in [from, to), or accepted before `to` and still undecided. */
export function periodApplications(applications: readonly ApplicationState[], from: Date, to: Date): PeriodApplications {
  return {
    decided: applications.filter((a) => a.decidedAt !== null && a.decidedAt >= from && a.decidedAt < to),
    open: applications.filter((a) => a.decidedAt === null && a.acceptedAt < to),
  };
}

/**
 * One department's applications for the 工改办's report, per implementing department: on time
 * or late among those decided in the period (办理用时 within the time limit, the same clock as
 * the application view, through the timing report), the average and maximum used working days
 * over them, the undecided ones past their deadline at the period's end, and the refused
 * clock-stops on all of them. Applications accepted without catalog terms have no clock and are
 * not counted. Departments with nothing to count are left out.
 */
export function applicationFiguresByDepartment(period: PeriodApplications, calendar: WorkingDayCalendar, periodEnd: Date): ApplicationDepartmentFigures[] {
  const decidedTiming = new Map(timingByDepartment(period.decided, calendar, periodEnd).map((row) => [row.departmentCode, row]));
  const openTiming = new Map(timingByDepartment(period.open, calendar, periodEnd).map((row) => [row.departmentCode, row]));
  const onTime = new Map<string, number>();
  for (const application of period.decided) {
    if (applicationTiming(application, calendar, periodEnd)?.decidedWithinLimit)
      onTime.set(application.departmentCode, (onTime.get(application.departmentCode) ?? 0) + 1);
  }
  const codes = [...new Set([...decidedTiming.keys(), ...openTiming.keys()])].sort();
  return codes
    .map((departmentCode): ApplicationDepartmentFigures => {
      const decided = decidedTiming.get(departmentCode);
      const open = openTiming.get(departmentCode);
      const decidedCount = decided?.decided ?? 0;
      const decidedOnTime = onTime.get(departmentCode) ?? 0;
      return {
        departmentCode,
        decided: decidedCount,
        decidedOnTime,
        decidedLate: decidedCount - decidedOnTime,
        openOverdue: open?.overdueOpen ?? 0,
        averageUsedWorkingDays: decided?.averageUsedWorkingDays ?? null,
        maxUsedWorkingDays: decided?.maxUsedWorkingDays ?? null,
        illegalClockStopAttempts: (decided?.illegalClockStopAttempts ?? 0) + (open?.illegalClockStopAttempts ?? 0),
      };
    })
    .filter((row) => row.decided > 0 || row.openOverdue > 0 || row.illegalClockStopAttempts > 0);
}
