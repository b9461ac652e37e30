import { usedWorkingDays, WorkingDayCalendar } from '@cityworks/calendar';
import type { ApplicationState } from './application';

/** 办理用时 of one participating department (参与部门) of a joint review: its own time, counted for it. */
export interface ParticipantTiming {
  departmentCode: string;
  answered: boolean;
  /** working days from acceptance (not counted) to its answer, or to now while it has not answered; clock-stops excluded */
  usedWorkingDays: number;
  suspendedWorkingDays: number;
  provisional: boolean;
}

/**
 * Each participant's clock runs from the acceptance, like the implementing department's, and
 * stops at its own answer: a slow participant's days are its own, not the implementing
 * department's. The application's clock-stops (补正材料 …) stop every participant's clock too,
 * since the applicant holds up all of them.
 */
export function jointReviewTiming(state: Readonly<ApplicationState>, calendar: WorkingDayCalendar, now: Date): ParticipantTiming[] {
  const stops = state.clockStops.map(({ from, to }) => ({ from, to }));
  return state.jointReview.map((participant) => {
    // decide() refuses while a participant waits; should a decided application still show one
    // (stored otherwise), that participant's clock stops with the decision
    const endedAt = participant.givenAt ?? state.decidedAt ?? now;
    const used = usedWorkingDays(calendar, { startedAt: state.acceptedAt, endedAt, stops });
    return {
      departmentCode: participant.departmentCode,
      answered: participant.givenAt !== null,
      usedWorkingDays: used.used,
      suspendedWorkingDays: used.suspended,
      provisional: used.provisional,
    };
  });
}
