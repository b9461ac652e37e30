import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays, chinaDateOf, endOfChinaDay, IsoDate, isIsoDate, weekdayOf } from './china-time';
import { statutoryHolidays } from './statutory-holidays';

/** Where a day's status came from; `fallback` means no official arrangement was known. */
export type DaySource = 'override' | 'official' | 'fallback';

export interface DayStatus {
  date: IsoDate;
  working: boolean;
  /** holiday name (e.g. 春节, 春节补假), or `<holiday>调休` for a make-up working day */
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
  ...yearsIn((calendarData as { holidays: Record<string, unknown> }).holidays),
  ...yearsIn((calendarData as { workdays: Record<string, unknown> }).workdays),
]);

function assertDate(date: string, field = 'date'): void {
  if (!isIsoDate(date)) throw new RangeError(`${field} must be a date in the form YYYY-MM-DD, got "${date}"`);
}

function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export type FallbackCalendar = (date: IsoDate) => DayStatus | undefined;

const statutoryByYear = new Map<number, Map<IsoDate, string>>();

/**
 * The default fallback for a year with no official arrangement: the statutory holidays of
 * 《全国年节及纪念日放假办法》 (with 补假) and weekends; no 调休 can be known in advance.
 */
export const statutoryHolidayFallback: FallbackCalendar = (date) => {
  const year = Number(date.slice(0, 4));
  let days = statutoryByYear.get(year);
  if (!days) {
    days = new Map(statutoryHolidays(year).map((h) => [h.date, h.name]));
    statutoryByYear.set(year, days);
  }
  const name = days.get(date);
  if (name) return { date, working: false, name, source: 'fallback' };
  return { date, working: !isWeekend(date), source: 'fallback' };
};

/**
 * Working days of the Chinese calendar: statutory holidays and 调休 make-up days from the
 * `chinese-days` library, official arrangements loaded at run time on top (they win, also over
 * the library), and for a year with no arrangement at all a provisional fallback (by default
 * the statutory holidays, see {@link statutoryHolidayFallback}).
 */
export class WorkingDayCalendar {
  private readonly overrides = new Map<IsoDate, { working: boolean; name: string }>();
  private readonly overrideYears = new Set<number>();

  constructor(
    arrangements: YearArrangement[] = [],
    private readonly fallback: FallbackCalendar = statutoryHolidayFallback,
  ) {
    for (const a of arrangements) this.load(a);
  }

  /** Loads a year's official arrangement; loading the same year again replaces it. */
  load(arrangement: YearArrangement): void {
    const prefix = `${arrangement.year}-`;
    for (const date of [...arrangement.holidays, ...arrangement.workdays].map((d) => d.date)) {
      assertDate(date);
      if (!date.startsWith(prefix)) throw new RangeError(`${date} is not in ${arrangement.year}`);
    }
    for (const date of [...this.overrides.keys()]) if (date.startsWith(prefix)) this.overrides.delete(date);
    this.overrideYears.add(arrangement.year);
    for (const h of arrangement.holidays) this.overrides.set(h.date, { working: false, name: h.name });
    for (const w of arrangement.workdays) this.overrides.set(w.date, { working: true, name: w.name });
  }

  hasOfficialArrangement(year: number): boolean {
    return this.overrideYears.has(year) || LIBRARY_YEARS.has(year);
  }

  /** Where the days of `year` come from. */
  sourceOfYear(year: number): DaySource {
    if (this.overrideYears.has(year)) return 'override';
    return LIBRARY_YEARS.has(year) ? 'official' : 'fallback';
  }

  day(date: IsoDate): DayStatus {
    assertDate(date);
    const override = this.overrides.get(date);
    if (override) return { date, ...override, source: 'override' };
    const year = Number(date.slice(0, 4));
    if (this.overrideYears.has(year)) return { date, working: !isWeekend(date), source: 'override' };
    if (LIBRARY_YEARS.has(year)) {
      const detail = chineseDays.getDayDetail(date);
      // plain days are named by weekday ("Tuesday"); holidays and 调休 days "Spring Festival,春节,4"
      if (!detail.name.includes(',')) return { date, working: detail.work, source: 'official' };
      const festival = detail.name.split(',')[1] ?? detail.name;
      return { date, working: detail.work, name: detail.work ? `${festival}调休` : festival, source: 'official' };
    }
    const fromFallback = this.fallback(date);
    if (fromFallback) return { ...fromFallback, source: 'fallback' };
    return { date, working: !isWeekend(date), source: 'fallback' };
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

  /**
   * The Nth working day before `date` (for a warning N working days ahead of a deadline).
   * N = 0 gives `date`.
   */
  subtractWorkingDays(date: IsoDate, n: number): WorkingDayResult {
    assertDate(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of working days ≥ 0, got ${n}`);
    let day = date;
    let provisional = false;
    for (let left = n; left > 0;) {
      day = addCalendarDays(day, -1);
      const status = this.day(day);
      if (status.source === 'fallback') provisional = true;
      if (status.working) left--;
    }
    return { date: day, provisional };
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
