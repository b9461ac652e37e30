import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, chinaDateOf, endOfChinaDay, IsoDate, isIsoDate, weekdayOf } from './china-time';

/** Where a day's status came from; `fallback` means no official arrangement was known. */
export type DaySource = 'override' | 'official' | 'fallback';

export interface DayStatus {
  date: IsoDate;
  working: boolean;
  /** holiday name, or 调休 for a make-up working day */
  name?: string;
  source: DaySource;
}

/**
 * An official arrangement loaded by the reform office (e.g. next year's, published in
 * November); it takes precedence over the library for the dates it names.
 */
export interface YearArrangement {
  year: number;
  /** statutory holidays and the days added to them, not working */
  holidays: { date: IsoDate; name: string }[];
  /** 调休 make-up working days falling on a weekend */
  workdays: { date: IsoDate; name: string }[];
}

export interface WorkingDayResult {
  date: IsoDate;
  /** true when a day on the way had no official arrangement: recompute once it is loaded */
  provisional: boolean;
}

function yearsIn(data: Record<string, unknown>): Set<number> {
  return new Set(Object.keys(data).map((d) => Number(d.slice(0, 4))));
}

/** Years for which the library carries the State Council's published arrangement. */
export const LIBRARY_YEARS: ReadonlySet<number> = new Set([
  ...yearsIn((calendarData as any).holidays),
  ...yearsIn((calendarData as any).workdays),
]);

function assertDate(date: string, field = 'date'): void {
  if (!isIsoDate(date)) throw new RangeError(`${field} must be a date in the form YYYY-MM-DD, got "${date}"`);
}

/**
 * Working days of the Chinese calendar: statutory holidays and 调休 make-up days from the
 * `chinese-days` library, official arrangements loaded at run time on top, and for a year
 * with no arrangement at all a provisional fallback that treats only weekends as rest.
 */
export class WorkingDayCalendar {
  private readonly overrides = new Map<IsoDate, { working: boolean; name: string }>();
  private readonly overrideYears = new Set<number>();

  constructor(arrangements: YearArrangement[] = [], private readonly fallback?: (date: IsoDate) => DayStatus | undefined) {
    for (const a of arrangements) this.load(a);
  }

  load(arrangement: YearArrangement): void {
    this.overrideYears.add(arrangement.year);
    for (const h of arrangement.holidays) this.overrides.set(h.date, { working: false, name: h.name });
    for (const w of arrangement.workdays) this.overrides.set(w.date, { working: true, name: w.name });
  }

  hasOfficialArrangement(year: number): boolean {
    return this.overrideYears.has(year) || LIBRARY_YEARS.has(year);
  }

  day(date: IsoDate): DayStatus {
    assertDate(date);
    const override = this.overrides.get(date);
    if (override) return { date, ...override, source: 'override' };
    const year = Number(date.slice(0, 4));
    if (this.overrideYears.has(year)) {
      const weekday = weekdayOf(date);
      return { date, working: weekday !== 0 && weekday !== 6, source: 'override' };
    }
    if (LIBRARY_YEARS.has(year)) {
      const detail = chineseDays.getDayDetail(date);
      const weekday = weekdayOf(date);
      const plainWeekday = weekday !== 0 && weekday !== 6;
      const named = detail.work !== plainWeekday;
      return { date, working: detail.work, name: named ? detail.name.split(',')[1] ?? detail.name : undefined, source: 'official' };
    }
    const fromFallback = this.fallback?.(date);
    if (fromFallback) return fromFallback;
    const weekday = weekdayOf(date);
    return { date, working: weekday !== 0 && weekday !== 6, source: 'fallback' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /**
   * The Nth working day after `start`. The start day itself is not counted (民法典 第二百零一条),
   * so adding 1 to a Friday gives the next working Monday. N = 0 gives `start`.
   */
  addWorkingDays(start: IsoDate, n: number): WorkingDayResult {
    assertDate(start, 'start');
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of working days ≥ 0, got ${n}`);
    let date = start;
    let provisional = false;
    let left = n;
    while (left > 0) {
      date = addCalendarDays(date, 1);
      const status = this.day(date);
      if (status.source === 'fallback') provisional = true;
      if (status.working) left--;
    }
    return { date, provisional };
  }

  /** Working days in (from, to]: the count a handler "used" between two dates. */
  workingDaysBetween(from: IsoDate, to: IsoDate): { days: number; provisional: boolean } {
    assertDate(from, 'from');
    assertDate(to, 'to');
    if (to < from) {
      const r = this.workingDaysBetween(to, from);
      return { days: -r.days, provisional: r.provisional };
    }
    let days = 0;
    let provisional = false;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
      const status = this.day(d);
      if (status.source === 'fallback') provisional = true;
      if (status.working) days++;
    }
    return { days, provisional };
  }

  /**
   * The instant a limit of `limitDays` working days expires for something accepted at
   * `acceptedAt`: the end (China time) of the Nth working day after the acceptance day,
   * pushed back by the working days of legal clock-stops.
   */
  dueInstant(acceptedAt: Date, limitDays: number, suspendedWorkingDays = 0): { dueAt: Date; dueDate: IsoDate; provisional: boolean } {
    const { date, provisional } = this.addWorkingDays(chinaDateOf(acceptedAt), limitDays + suspendedWorkingDays);
    return { dueAt: endOfChinaDay(date), dueDate: date, provisional };
  }
}
