import { obligationDeadline, usedWorkingDays, WorkingDayCalendar } from '@cityworks/calendar';
import type { ApplicationState } from './application';
import { jointReviewTiming, ParticipantTiming } from './joint-review-timing';

/** 办理用时 of one application, derived every time from its acceptance, stops and decision. */
export interface ApplicationTiming {
  timeLimitWorkingDays: number;
  /** working days counted so far (or until the decision), the acceptance day not counted */
  usedWorkingDays: number;
  suspendedWorkingDays: number;
  /** time limit − used; negative when over */
  remainingWorkingDays: number;
  dueAt: Date;
  clockStopped: boolean;
  /** open and past its deadline with the clock running */
  overdue: boolean;
  /** decided within the time limit; null while open */
  decidedWithinLimit: boolean | null;
  /** counted across a year whose official holiday arrangement is not published yet */
  provisional: boolean;
  /** each participating department's own time (联合审图/联合验收); empty without a joint review */
  jointReview: ParticipantTiming[];
}

/**
 * The timing rule (计时规则) applied to an application: the clock of libs/calendar over the
 * application's own terms and stops. Null for an application accepted without catalog terms.
 */
export function applicationTiming(state: Readonly<ApplicationState>, calendar: WorkingDayCalendar, now: Date): ApplicationTiming | null {
  if (!state.terms) return null;
  const asOf = state.decidedAt ?? now;
  const stops = state.clockStops.map(({ from, to }) => ({ from, to }));
  const deadline = obligationDeadline(calendar, { startedAt: state.acceptedAt, budgetWorkingDays: state.terms.timeLimitWorkingDays, stops, asOf });
  const used = usedWorkingDays(calendar, { startedAt: state.acceptedAt, endedAt: asOf, stops });
  const clockStopped = stops.some((stop) => stop.to === null);
  return {
    timeLimitWorkingDays: state.terms.timeLimitWorkingDays,
    usedWorkingDays: used.used,
    suspendedWorkingDays: used.suspended,
    remainingWorkingDays: state.terms.timeLimitWorkingDays - used.used,
    dueAt: deadline.dueAt,
    clockStopped,
    overdue: state.decidedAt === null && deadline.overdue,
    decidedWithinLimit: state.decidedAt === null ? null : used.used <= state.terms.timeLimitWorkingDays,
    provisional: used.provisional || deadline.provisional,
    jointReview: jointReviewTiming(state, calendar, now),
  };
}
