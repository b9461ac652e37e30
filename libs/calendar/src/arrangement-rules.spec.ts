import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { arrangementViolations, ArrangementToCheck } from './arrangement-rules';
import { statutoryFestivals, statutoryRevisionOf } from './statutory-holidays';
import { LIBRARY_YEARS } from './working-day-calendar';

/** A year's arrangement as the State Council published it, from the library's tables. */
function publishedArrangement(year: number): ArrangementToCheck {
  const days = (table: Record<string, string>) =>
    Object.entries(table)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, detail]) => ({ date, name: detail.split(',')[1] ?? detail }));
  const data = calendarData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };
  return { year, holidays: days(data.holidays), workdays: days(data.workdays) };
}

const rulesOf = (violations: { field: string; rule: string }[]) => violations.map((v) => [v.field, v.rule]);

/**
 * The fuzzed arrangement that wrecked every provisional deadline: one holiday (春节 2027-02-06),
 * no 元旦. Together with the statutory days of 2027 under the 2024 revision of
 * 《全国年节及纪念日放假办法》: 元旦 1/1, 春节 除夕 2/5 … 初三 2/8, 清明 4/5, 劳动节 5/1–5/2,
 * 端午 6/9, 中秋 9/15, 国庆 10/1–10/3.
 */
const STATUTORY_2027 = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-06',
  '2027-02-07',
  '2027-02-08',
  '2027-04-05',
  '2027-05-01',
  '2027-05-02',
  '2027-06-09',
  '2027-09-15',
  '2027-10-01',
  '2027-10-02',
  '2027-10-03',
];

describe('arrangementViolations (全国年节及纪念日放假办法, as revised for the year)', () => {
  const valid2027: ArrangementToCheck = {
    year: 2027,
    holidays: [...STATUTORY_2027.map((date) => ({ date, name: '假日' })), { date: '2027-02-09', name: '春节' }, { date: '2027-02-10', name: '春节' }],
    workdays: [{ date: '2027-02-20', name: '春节调休' }],
  };

  it('knows the 13 statutory days of 2027', () => {
    expect(
      statutoryFestivals(2027)
        .flatMap((f) => f.days)
        .sort(),
    ).toEqual(STATUTORY_2027);
    expect(statutoryRevisionOf(2027)).toMatchObject({ from: 2025, days: 13 });
  });

  it('accepts an arrangement that keeps every statutory day', () => {
    expect(arrangementViolations(valid2027)).toEqual([]);
  });

  it('refuses a 2027 arrangement without 元旦, naming the field and the rule', () => {
    const violations = arrangementViolations({ ...valid2027, holidays: valid2027.holidays.filter((d) => d.date !== '2027-01-01') });
    expect(violations).toEqual([
      {
        field: 'holidays',
        rule: 'statutoryHoliday',
        message:
          'holidays must include 2027-01-01 (元旦, 全国年节及纪念日放假办法 第二条), one of the 13 statutory days off of 2027 under its 2024年修订 (国务院令第795号)',
      },
    ]);
  });

  it('refuses the fuzzed arrangement: one day of 春节 and nothing else', () => {
    const violations = arrangementViolations({ year: 2027, holidays: [{ date: '2027-02-06', name: '春节' }], workdays: [] });
    expect(violations).toHaveLength(12);
    expect(violations.map((v) => v.message.slice(0, 'holidays must include 2027-01-01'.length))).toContain('holidays must include 2027-01-01');
  });

  it('refuses 春节 with only three days: 除夕 is a statutory day off since 2025', () => {
    const violations = arrangementViolations({ ...valid2027, holidays: valid2027.holidays.filter((d) => d.date !== '2027-02-05') });
    expect(rulesOf(violations)).toEqual([['holidays', 'statutoryHoliday']]);
    expect(violations[0].message).toMatch(/^holidays must include 2027-02-05 \(春节, 全国年节及纪念日放假办法 第二条\)/);
  });

  it('refuses dates outside the year, listed twice, both off and worked, and 调休 on a weekday', () => {
    const violations = arrangementViolations({
      ...valid2027,
      holidays: [...valid2027.holidays, { date: '2026-12-31', name: 'x' }, { date: '2027-01-01', name: '元旦' }],
      workdays: [
        { date: '2027-01-02', name: '调休' },
        { date: '2027-02-08', name: '调休' },
        { date: '2027-01-02', name: '调休' },
      ],
    });
    expect(rulesOf(violations)).toEqual([
      ['holidays.15.date', 'inYear'],
      ['holidays.16.date', 'unique'],
      ['workdays.1.date', 'notBothHolidayAndWorkday'],
      ['workdays.1.date', 'isWeekend'],
      ['workdays.2.date', 'unique'],
    ]);
  });

  it('accepts the 2026 arrangement the State Council published (from chinese-days)', () => {
    const published = publishedArrangement(2026);
    expect(published.holidays.length).toBeGreaterThan(13);
    expect(published.workdays.map((d) => d.date)).toContain('2026-02-14');
    expect(arrangementViolations(published)).toEqual([]);
  });

  // each year under the revision of its time: 2004–2007 (1999), 2008–2013 (2007), 2014–2024 (2013), 2025– (2024)
  it.each([...LIBRARY_YEARS].filter((y) => y >= 2004).sort())('accepts the published arrangement of %i', (year) => {
    const published = publishedArrangement(year);
    const statutory = statutoryFestivals(year).flatMap((f) => f.days);
    for (const day of statutory) expect({ day, holiday: chineseDays.isHoliday(day) }).toEqual({ day, holiday: true });
    // the library's table leaves out an occasional weekend day inside a holiday (2012-06-23, 端午,
    // a Saturday off anyway); the notice itself lists it, so it is added here, as loading it would
    const weekendsOff = statutory.filter(
      (d) => !published.holidays.some((h) => h.date === d) && !published.workdays.some((w) => w.date === d) && [0, 6].includes(new Date(d).getUTCDay()),
    );
    expect(weekendsOff).toEqual(year === 2012 ? ['2012-06-23'] : []);
    expect(arrangementViolations({ ...published, holidays: [...published.holidays, ...weekendsOff.map((date) => ({ date, name: '端午' }))] })).toEqual([]);
  });
});
