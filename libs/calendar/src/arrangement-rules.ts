import { IsoDate, isIsoDate, weekdayOf } from './china-time';
import { statutoryFestivals, statutoryRevisionOf } from './statutory-holidays';

/** A year's arrangement as the State Council's notice gives it (see YearArrangement). */
export interface ArrangementToCheck {
  year: number;
  holidays: { date: IsoDate; name: string }[];
  workdays: { date: IsoDate; name: string }[];
}

/** One broken rule: the field (dotted path), the rule's name and a sentence naming both. */
export interface ArrangementViolation {
  field: string;
  rule: string;
  message: string;
}

const LAW = '全国年节及纪念日放假办法';

const isWeekend = (date: IsoDate) => [0, 6].includes(weekdayOf(date));

/**
 * What every official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知) must keep,
 * whoever loads it:
 *  - every date is a real date inside its year (`inYear`), listed once per list (`unique`);
 *  - a date is either a day off or a 调休 working day, not both (`notBothHolidayAndWorkday`);
 *  - 调休 working days fall on weekends (`isWeekend`);
 *  - every statutory day off of 第二条 of 《全国年节及纪念日放假办法》, as revised for that year
 *    (13 days from 2025: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3),
 *    is a holiday of the arrangement (`statutoryHoliday`, reported on `holidays`).
 * Returns every violation (empty when the arrangement is acceptable), in the order of the lists.
 */
export function arrangementViolations(arrangement: ArrangementToCheck): ArrangementViolation[] {
  const { year } = arrangement;
  const out: ArrangementViolation[] = [];
  const holidays = new Set<IsoDate>();
  const seen = new Map<IsoDate, string>();
  for (const [list, days] of [
    ['holidays', arrangement.holidays],
    ['workdays', arrangement.workdays],
  ] as const) {
    const inList = new Map<IsoDate, string>();
    days.forEach((day, i) => {
      const field = `${list}.${i}.date`;
      if (!isIsoDate(day.date)) {
        out.push({ field, rule: 'isCalendarDate', message: `${field} ${day.date} is not a date written YYYY-MM-DD` });
        return;
      }
      if (!day.date.startsWith(`${year}-`)) out.push({ field, rule: 'inYear', message: `${field} ${day.date} is not in ${year}` });
      if (inList.has(day.date)) out.push({ field, rule: 'unique', message: `${field} ${day.date} is already listed as ${inList.get(day.date)}` });
      else if (list === 'workdays' && holidays.has(day.date)) {
        out.push({
          field,
          rule: 'notBothHolidayAndWorkday',
          message: `${field} ${day.date} is also a holiday (${seen.get(day.date)}): a date cannot be both a day off and a 调休 working day`,
        });
      }
      if (list === 'workdays' && !isWeekend(day.date))
        out.push({ field, rule: 'isWeekend', message: `${field} ${day.date} is a weekday: a 调休 working day falls on a weekend` });
      inList.set(day.date, field);
      if (!seen.has(day.date)) seen.set(day.date, field);
      if (list === 'holidays') holidays.add(day.date);
    });
  }
  const revision = statutoryRevisionOf(year);
  for (const festival of statutoryFestivals(year)) {
    for (const date of festival.days) {
      if (holidays.has(date)) continue;
      out.push({
        field: 'holidays',
        rule: 'statutoryHoliday',
        message: `holidays must include ${date} (${festival.name}, ${LAW} 第二条), one of the ${revision.days} statutory days off of ${year} under its ${revision.title}`,
      });
    }
  }
  return out;
}
