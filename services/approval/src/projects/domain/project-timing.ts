import { chinaDateOf, WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalStage, ApprovalStages } from '@cityworks/contracts';
import type { ApplicationState } from '../../applications/domain/application';
import { applicationTiming } from '../../applications/domain/application-timing';

/** 办理用时 of one stage of a project: how long the stage took, and what its applications used. */
export interface StageTiming {
  stage: ApprovalStage;
  applications: number;
  decided: number;
  /** every application of the stage is decided (and there is one) */
  completed: boolean;
  firstAcceptedAt: Date | null;
  /** the latest decision so far; the stage's end once it is completed */
  lastDecidedAt: Date | null;
  /**
   * Working days in (first acceptance day, last decision day] — or up to today while an
   * application of the stage is open; null without applications. Calendar time of the stage
   * (并联审批 overlaps count once), clock-stops not taken off.
   */
  elapsedWorkingDays: number | null;
  /** the applications' own used working days (clock-stops excluded; an open one so far), summed and the largest */
  usedWorkingDaysSum: number;
  usedWorkingDaysMax: number | null;
  /** counted across a year without an official holiday arrangement yet */
  provisional: boolean;
}

/** 全流程: from the project's first acceptance to the 竣工验收 decision. */
export interface WholeProcessTiming {
  firstAcceptedAt: Date | null;
  /** the last 竣工验收 decision once every 竣工验收 application is decided; null until then */
  completedAt: Date | null;
  /** working days in (first acceptance day, completedAt's day], or up to today until then; null without applications */
  elapsedWorkingDays: number | null;
  provisional: boolean;
}

export interface ProjectTiming {
  projectCode: string;
  /** every stage, in the order of the stage vocabulary (市政公用报装, which runs alongside, last) */
  stages: StageTiming[];
  /** applications without a recorded stage (accepted before it was recorded): in the whole process only */
  unstagedApplications: number;
  wholeProcess: WholeProcessTiming;
}

const FINAL_STAGE: ApprovalStage = '竣工验收';

const earliest = (dates: Date[]) => (dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null);
const latest = (dates: Date[]) => (dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null);

/** working days in (from's day, to's day] */
function elapsed(calendar: WorkingDayCalendar, from: Date, to: Date): { days: number; provisional: boolean } {
  return calendar.workingDaysBetween(chinaDateOf(from), chinaDateOf(to));
}

function stageTiming(stage: ApprovalStage, applications: readonly ApplicationState[], calendar: WorkingDayCalendar, now: Date): StageTiming {
  const decidedAt = applications.flatMap((a) => (a.decidedAt ? [a.decidedAt] : []));
  const completed = applications.length > 0 && decidedAt.length === applications.length;
  const firstAcceptedAt = earliest(applications.map((a) => a.acceptedAt));
  const lastDecidedAt = latest(decidedAt);
  const span = firstAcceptedAt ? elapsed(calendar, firstAcceptedAt, completed && lastDecidedAt ? lastDecidedAt : now) : null;
  const clocks = applications.flatMap((a) => applicationTiming(a, calendar, now) ?? []);
  const used = clocks.map((clock) => clock.usedWorkingDays);
  return {
    stage,
    applications: applications.length,
    decided: decidedAt.length,
    completed,
    firstAcceptedAt,
    lastDecidedAt,
    elapsedWorkingDays: span?.days ?? null,
    usedWorkingDaysSum: used.reduce((a, b) => a + b, 0),
    usedWorkingDaysMax: used.length ? Math.max(...used) : null,
    provisional: !!span?.provisional || clocks.some((clock) => clock.provisional),
  };
}

/**
 * 办理用时 per stage and for the whole project (全流程), from the project's applications: each
 * stage from its first acceptance to its last decision (or today while one is open), and the
 * whole process from the first acceptance of any stage to the 竣工验收 decision (or today).
 */
export function projectTiming(projectCode: string, applications: readonly ApplicationState[], calendar: WorkingDayCalendar, now: Date): ProjectTiming {
  const stages = ApprovalStages.map((stage) =>
    stageTiming(
      stage,
      applications.filter((a) => a.terms?.stage === stage),
      calendar,
      now,
    ),
  );
  const final = stages[ApprovalStages.indexOf(FINAL_STAGE)];
  const firstAcceptedAt = earliest(applications.map((a) => a.acceptedAt));
  const completedAt = final.completed ? final.lastDecidedAt : null;
  const span = firstAcceptedAt ? elapsed(calendar, firstAcceptedAt, completedAt ?? now) : null;
  return {
    projectCode,
    stages,
    unstagedApplications: applications.filter((a) => !(ApprovalStages as readonly (string | undefined)[]).includes(a.terms?.stage)).length,
    wholeProcess: { firstAcceptedAt, completedAt, elapsedWorkingDays: span?.days ?? null, provisional: !!span?.provisional },
  };
}
