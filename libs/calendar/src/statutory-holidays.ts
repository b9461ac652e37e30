import chineseDays from 'chinese-days';
import { addCalendarDays, IsoDate, weekdayOf } from './china-time';

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 as revised in 2024 (in force since
 * 2025-01-01), for years whose arrangement the State Council has not published yet. The real
 * arrangement adds 调休 on top and may differ; a deadline computed from these is provisional.
 */
export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
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

/** 全体公民放假的节日 (第二条), in calendar order. */
function festivals(year: number): { name: string; days: IsoDate[] }[] {
  const lunar = (md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const springFestival = lunar('01-01');
  return [
    { name: '元旦', days: [`${year}-01-01`] },
    // 除夕 is the day before 正月初一, whatever the length of the last lunar month
    { name: '春节', days: range(addCalendarDays(springFestival, -1), 4) },
    { name: '清明节', days: [chineseDays.getSolarTermDate(year, 4, 'pure_brightness')] },
    { name: '劳动节', days: range(`${year}-05-01`, 2) },
    { name: '端午节', days: [lunar('05-05')] },
    { name: '中秋节', days: [lunar('08-15')] },
    { name: '国庆节', days: range(`${year}-10-01`, 3) },
  ];
}

/**
 * Every day off in `year` by statute: the festival days, plus 补假 on the following working
 * days for festival days that fall on a weekend (第六条) or coincide with another festival
 * (e.g. 中秋 on 10/1), so each festival keeps its number of days off.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < STATUTORY_FALLBACK_YEARS.from || year > STATUTORY_FALLBACK_YEARS.to) return [];
  const off = new Map<IsoDate, string>();
  const owed: { name: string; after: IsoDate; count: number }[] = [];
  for (const festival of festivals(year)) {
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
    for (let left = debt.count; left > 0; ) {
      day = addCalendarDays(day, 1);
      if (isWeekend(day) || off.has(day)) continue;
      off.set(day, `${debt.name}补假`);
      left--;
    }
  }
  return [...off].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
