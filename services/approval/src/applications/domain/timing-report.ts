import { WorkingDayCalendar } from '@cityworks/calendar';
import type { ApplicationState } from './application';
import { applicationTiming } from './application-timing';
import { jointReviewTiming } from './joint-review-timing';

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
  /** opinions this department gave as a participating department (联合审图/联合验收) */
  jointReviewOpinions: number;
  /** over the opinions given: working days from acceptance to the answer; null when none was given */
  averageJointReviewUsedWorkingDays: number | null;
  maxJointReviewUsedWorkingDays: number | null;
  /** joint reviews still waiting for this department's opinion */
  jointReviewsWaiting: number;
}

interface Row {
  accepted: number;
  used: number[];
  within: number;
  overdueOpen: number;
  illegal: number;
  opinionDays: number[];
  waiting: number;
}

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);
const max = (values: number[]) => (values.length ? Math.max(...values) : null);

/**
 * The 工改办's timing report per department, computed from each application's own clock (the
 * same rule as the application view). Applications accepted before terms were recorded have no
 * clock and count only as accepted. A participating department's answers count in its own row,
 * with its own time, so a department that only takes part in joint reviews has a row too.
 */
export function timingByDepartment(applications: readonly ApplicationState[], calendar: WorkingDayCalendar, now: Date): DepartmentTiming[] {
  const rows = new Map<string, Row>();
  const rowOf = (departmentCode: string): Row => {
    const row = rows.get(departmentCode) ?? { accepted: 0, used: [], within: 0, overdueOpen: 0, illegal: 0, opinionDays: [], waiting: 0 };
    rows.set(departmentCode, row);
    return row;
  };
  for (const application of applications) {
    const row = rowOf(application.departmentCode);
    row.accepted++;
    row.illegal += application.illegalClockStopAttempts;
    for (const participant of jointReviewTiming(application, calendar, now)) {
      const theirs = rowOf(participant.departmentCode);
      if (participant.answered) theirs.opinionDays.push(participant.usedWorkingDays);
      else theirs.waiting++;
    }
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
      averageUsedWorkingDays: average(row.used),
      maxUsedWorkingDays: max(row.used),
      withinLimitShare: row.used.length ? Math.round((row.within / row.used.length) * 10000) / 10000 : null,
      overdueOpen: row.overdueOpen,
      illegalClockStopAttempts: row.illegal,
      jointReviewOpinions: row.opinionDays.length,
      averageJointReviewUsedWorkingDays: average(row.opinionDays),
      maxJointReviewUsedWorkingDays: max(row.opinionDays),
      jointReviewsWaiting: row.waiting,
    }));
}
