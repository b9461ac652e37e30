import chineseDays from 'chinese-days';
import { addCalendarDays, IsoDate, weekdayOf } from './china-time';

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》: the days off its 第二条 gives every
 * citizen, as the revision in force that year has them (the 2024 revision, in force since
 * 2025-01-01, for every year from 2025 on). They serve as the provisional fallback for a year
 * whose arrangement the State Council has not published yet — the real arrangement adds 调休 on
 * top and may differ, so a deadline computed from these is provisional — and as the floor every
 * arrangement loaded into the catalog must keep.
 */
export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
}

/** One festival of 第二条 in a given year: its name and its statutory days off. */
export interface StatutoryFestival {
  name: string;
  days: IsoDate[];
}

/** A revision of 《全国年节及纪念日放假办法》 and the first year it governs in full. */
export interface StatutoryRevision {
  /** e.g. 2024年修订 (国务院令第795号) */
  title: string;
  /** in force from 1 January of this year */
  from: number;
  /** statutory days off in a year */
  days: number;
}

interface RevisionRules extends StatutoryRevision {
  /** 春节: the first day relative to 正月初一 (-1 = 除夕) and the number of days */
  springFestival: { first: number; count: number };
  labourDays: number;
  /** 清明、端午、中秋 (from the 2007 revision on) */
  traditionalFestivals: boolean;
}

/** Newest first; a year takes the first revision whose `from` it has reached. */
const REVISIONS: RevisionRules[] = [
  { title: '2024年修订 (国务院令第795号)', from: 2025, days: 13, springFestival: { first: -1, count: 4 }, labourDays: 2, traditionalFestivals: true },
  { title: '2013年修订 (国务院令第644号)', from: 2014, days: 11, springFestival: { first: 0, count: 3 }, labourDays: 1, traditionalFestivals: true },
  { title: '2007年修订 (国务院令第513号)', from: 2008, days: 11, springFestival: { first: -1, count: 3 }, labourDays: 1, traditionalFestivals: true },
  {
    title: '1999年修订 (国务院令第270号)',
    from: Number.NEGATIVE_INFINITY,
    days: 10,
    springFestival: { first: 0, count: 3 },
    labourDays: 3,
    traditionalFestivals: false,
  },
];

function rulesOf(year: number): RevisionRules {
  return REVISIONS.find((r) => year >= r.from) ?? REVISIONS[REVISIONS.length - 1];
}

/** The revision of 《全国年节及纪念日放假办法》 that governs `year`. */
export function statutoryRevisionOf(year: number): StatutoryRevision {
  const { title, from, days } = rulesOf(year);
  return { title, from, days };
}

/** The lunar and solar-term tables of `chinese-days` are reliable only inside this range. */
export const STATUTORY_FALLBACK_YEARS = { from: 1901, to: 2100 } as const;

function isWeekend(date: IsoDate): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

function range(first: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addCalendarDays(first, i));
}

/**
 * 全体公民放假的节日 (第二条) of `year`, in calendar order, as the revision in force that year
 * has them; empty outside the range of the lunar tables. Holidays 补假 (第六条) are not included.
 */
export function statutoryFestivals(year: number): StatutoryFestival[] {
  if (!Number.isInteger(year) || year < STATUTORY_FALLBACK_YEARS.from || year > STATUTORY_FALLBACK_YEARS.to) return [];
  const rules = rulesOf(year);
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const springFestival = lunar('01-01');
  const festivals: (StatutoryFestival | false)[] = [
    { name: '元旦', days: [`${year}-01-01`] },
    // 除夕 is the day before 正月初一, whatever the length of the last lunar month
    { name: '春节', days: range(addCalendarDays(springFestival, rules.springFestival.first), rules.springFestival.count) },
    rules.traditionalFestivals && { name: '清明节', days: [chineseDays.getSolarTermDate(year, 4, 'pure_brightness')] },
    { name: '劳动节', days: range(`${year}-05-01`, rules.labourDays) },
    rules.traditionalFestivals && { name: '端午节', days: [lunar('05-05')] },
    rules.traditionalFestivals && { name: '中秋节', days: [lunar('08-15')] },
    { name: '国庆节', days: range(`${year}-10-01`, 3) },
  ];
  return festivals.filter((f): f is StatutoryFestival => !!f);
}

/**
 * Every day off in `year` by statute: the festival days, plus 补假 on the following working
 * days for festival days that fall on a weekend (第六条) or coincide with another festival
 * (e.g. 中秋 on 10/1), so each festival keeps its number of days off.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const off = new Map<IsoDate, string>();
  const owed: { name: string; after: IsoDate; count: number }[] = [];
  for (const festival of statutoryFestivals(year)) {
    let count = 0;
    for (const day of festival.days) {
      if (off.has(day)) count++;
      else {
        off.set(day, festival.name);
        if (isWeekend(day)) count++;
      }
    }
    if (count > 0) owed.push({ name: festival.name, after: festival.days[festival.days.length - 1], count });
  }
  for (const debt of owed) {
    let day = debt.after;
    for (let left = debt.count; left > 0;) {
      day = addCalendarDays(day, 1);
      if (isWeekend(day) || off.has(day)) continue;
      off.set(day, `${debt.name}补假`);
      left--;
    }
  }
  return [...off].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
