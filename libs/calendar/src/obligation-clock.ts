import { chinaDateOf, IsoDate } from './china-time';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * The statutory clock of an obligation (办理用时), e.g. an application's time limit: the start
 * day is not counted; the used working days are the working days d with start day < d ≤ end
 * day, minus, for each clock-stop (暂停计时) from day s to day e, the working days in (s, e].
 * Days are China calendar dates. The deadline is derived from the budget and the stops every
 * time it is asked for, never stored. Pure: no I/O, no clock; "today" is a parameter.
 */

/** A clock-stop (暂停计时): the working days in (day of `from`, day of `to`] are not counted. */
export interface ClockStop {
  from: Date;
  /** null while the stop is still open */
  to: Date | null;
}

export interface UsedWorkingDaysInput {
  startedAt: Date;
  /** the decision, or "now" while the obligation is still open */
  endedAt: Date;
  stops: readonly ClockStop[];
}

export interface UsedWorkingDays {
  /** working days in (start day, end day] not suspended */
  used: number;
  /** working days in (start day, end day] covered by the stops, each counted once */
  suspended: number;
  /** a day in (start day, end day] comes from a year with no official arrangement: recompute once it is loaded */
  provisional: boolean;
}

export interface ObligationDeadlineInput {
  startedAt: Date;
  budgetWorkingDays: number;
  stops: readonly ClockStop[];
  /** the instant the question is asked ("now"); stops count only up to it */
  asOf: Date;
}

export interface ObligationDeadline {
  /** the end (China time) of the last working day of the budget, pushed by the stops */
  dueAt: Date;
  dueDate: IsoDate;
  /** budget − used working days as of `asOf`; negative once more days were used than allowed */
  remaining: number;
  /** working days suspended in (start day, day of `asOf`] */
  suspended: number;
  /** `asOf` is after `dueAt` and the clock is not stopped at `asOf` */
  overdue: boolean;
  provisional: boolean;
}

/** A suspension in days, clipped and merged: the working days in (from, to] are not counted. */
interface SuspendedSpan {
  from: IsoDate;
  to: IsoDate;
  /** a stop of this span was still in effect at the instant the clock was read */
  inEffect: boolean;
}

function assertInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`${field} must be a valid instant, got ${String(value)}`);
}

/**
 * The stops as day spans inside (startDay, endDay], overlapping or touching ones merged so no
 * day counts twice. An open stop runs to `endedAt`; a stop that starts and ends on the same day
 * suspends nothing.
 */
function suspendedSpans(stops: readonly ClockStop[], startDay: IsoDate, endDay: IsoDate, endedAt: Date): SuspendedSpan[] {
  const spans: SuspendedSpan[] = [];
  stops.forEach((stop, i) => {
    assertInstant(stop.from, `stops[${i}].from`);
    if (stop.to !== null) {
      assertInstant(stop.to, `stops[${i}].to`);
      if (stop.to < stop.from) throw new RangeError(`stops[${i}].to must not be before stops[${i}].from`);
    }
    const fromDay = chinaDateOf(stop.from);
    const toDay = stop.to === null ? endDay : chinaDateOf(stop.to);
    const from = fromDay > startDay ? fromDay : startDay;
    const to = toDay < endDay ? toDay : endDay;
    const inEffect = stop.from <= endedAt && (stop.to === null || stop.to > endedAt);
    if (from < to) spans.push({ from, to, inEffect });
  });
  spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: SuspendedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) {
      if (span.to > last.to) last.to = span.to;
      last.inEffect ||= span.inEffect;
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * 办理用时: the working days used between `startedAt` and `endedAt` (the start day not
 * counted), less the working days of the clock-stops.
 */
export function usedWorkingDays(calendar: WorkingDayCalendar, input: UsedWorkingDaysInput): UsedWorkingDays {
  const { startedAt, endedAt, stops } = input;
  assertInstant(startedAt, 'startedAt');
  assertInstant(endedAt, 'endedAt');
  if (endedAt < startedAt) throw new RangeError('endedAt must not be before startedAt');
  const startDay = chinaDateOf(startedAt);
  const endDay = chinaDateOf(endedAt);
  const gross = calendar.workingDaysBetween(startDay, endDay);
  let suspended = 0;
  for (const span of suspendedSpans(stops, startDay, endDay, endedAt)) suspended += calendar.workingDaysBetween(span.from, span.to).days;
  // every span lies inside (startDay, endDay], so `gross` has already looked at each of its days
  return { used: gross.days - suspended, suspended, provisional: gross.provisional };
}

/**
 * The deadline of an obligation with a budget of working days, as of `asOf`: the end of the
 * budget's last working day after the start day, pushed by the working days suspended so far
 * (closed stops, and a stop still open up to `asOf`; a stop's days after `asOf` are not known
 * yet). A stop pushes only if it began on or before the deadline day reached so far: a limit
 * that has already expired is not revived by a later stop (its days still do not count as used).
 * While a stop that pushed the deadline is in effect at `asOf`, the clock is stopped and the
 * obligation is not overdue, even on a non-working day after `dueAt`.
 */
export function obligationDeadline(calendar: WorkingDayCalendar, input: ObligationDeadlineInput): ObligationDeadline {
  const { startedAt, budgetWorkingDays: budget, stops, asOf } = input;
  assertInstant(startedAt, 'startedAt');
  assertInstant(asOf, 'asOf');
  if (!Number.isInteger(budget) || budget < 0) throw new RangeError(`budgetWorkingDays must be a whole number of working days ≥ 0, got ${budget}`);
  if (asOf < startedAt) throw new RangeError('asOf must not be before startedAt');
  const startDay = chinaDateOf(startedAt);
  const asOfDay = chinaDateOf(asOf);

  let pushed = 0;
  let provisional = false;
  let stopped = false;
  let dueDay = calendar.addWorkingDays(startDay, budget).date;
  for (const span of suspendedSpans(stops, startDay, asOfDay, asOf)) {
    if (span.from > dueDay) break; // began after the deadline day: too late to push it
    const w = calendar.workingDaysBetween(span.from, span.to);
    pushed += w.days;
    provisional ||= w.provisional;
    stopped ||= span.inEffect;
    dueDay = calendar.addWorkingDays(startDay, budget + pushed).date;
  }
  const due = calendar.dueInstant(startedAt, budget, pushed);
  const clock = usedWorkingDays(calendar, { startedAt, endedAt: asOf, stops });
  return {
    dueAt: due.dueAt,
    dueDate: due.dueDate,
    remaining: budget - clock.used,
    suspended: clock.suspended,
    overdue: !stopped && asOf > due.dueAt,
    provisional: provisional || due.provisional || clock.provisional,
  };
}
