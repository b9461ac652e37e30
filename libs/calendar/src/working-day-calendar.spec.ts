import chineseDays from 'chinese-days';
import { LIBRARY_YEARS, WorkingDayCalendar } from './working-day-calendar';
import { statutoryHolidays } from './statutory-holidays';

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  describe('2026 Spring Festival (holidays 2/15–2/23, 调休 on Saturdays 2/14 and 2/28)', () => {
    it('knows the holiday and the make-up working days', () => {
      expect(calendar.day('2026-02-16')).toEqual({ date: '2026-02-16', working: false, name: '春节', source: 'official' });
      expect(calendar.day('2026-02-14')).toEqual({ date: '2026-02-14', working: true, name: '春节调休', source: 'official' });
      expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // a Monday inside the holiday
      expect(calendar.day('2026-03-03')).toEqual({ date: '2026-03-03', working: true, source: 'official' });
    });

    it('counts across the holiday without counting the start day', () => {
      expect(calendar.addWorkingDays('2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
      expect(calendar.addWorkingDays('2026-02-14', 1)).toEqual({ date: '2026-02-24', provisional: false });
      // 2/14, 2/24–2/27, 2/28 (调休), 3/2
      expect(calendar.workingDaysBetween('2026-02-13', '2026-03-02')).toEqual({ days: 7, provisional: false });
      expect(calendar.workingDaysBetween('2026-03-02', '2026-02-13')).toEqual({ days: -7, provisional: false });
      expect(calendar.subtractWorkingDays('2026-02-24', 1)).toEqual({ date: '2026-02-14', provisional: false });
    });
  });

  describe('2026 National Day and Mid-Autumn (9/25–9/27 and 10/1–10/7, 调休 9/20 and 10/10)', () => {
    it('runs a 20-working-day limit through both holidays', () => {
      expect(calendar.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
      expect(calendar.addWorkingDays('2026-09-30', 3).date).toBe('2026-10-10'); // Saturday 调休
      // 9/20 (Sunday 调休), 9/21–9/24, 9/28–9/30, 10/8–10/10, 10/12–10/16, 10/19–10/22
      expect(calendar.addWorkingDays('2026-09-18', 20)).toEqual({ date: '2026-10-22', provisional: false });
      expect(calendar.subtractWorkingDays('2026-10-08', 1).date).toBe('2026-09-30');
    });

    it('gives the due instant at the end of the last working day, China time', () => {
      const due = calendar.dueInstant(new Date('2026-09-30T02:00:00Z'), 1);
      expect(due).toEqual({ dueAt: new Date('2026-10-08T15:59:59.999Z'), dueDate: '2026-10-08', provisional: false });
      // a legal clock-stop of 2 working days pushes it back
      expect(calendar.dueInstant(new Date('2026-09-30T02:00:00Z'), 1, 2).dueDate).toBe('2026-10-10');
    });
  });

  describe('a year with no published arrangement (2027)', () => {
    it('is not in the library, so it falls back to the statutory holidays', () => {
      expect(LIBRARY_YEARS.has(2026)).toBe(true);
      expect(LIBRARY_YEARS.has(2027)).toBe(false);
      expect(calendar.sourceOfYear(2027)).toBe('fallback');
      expect(calendar.day('2027-01-01')).toEqual({ date: '2027-01-01', working: false, name: '元旦', source: 'fallback' });
      // 除夕 2/5 (Fri) … 初三 2/8 (Mon); 初一 and 初二 fall on the weekend → 补假 2/9 and 2/10
      expect(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, false, false]);
      expect(calendar.day('2027-02-10').name).toBe('春节补假');
      expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
      expect(calendar.day('2027-10-04')).toMatchObject({ working: false, name: '国庆节补假' });
    });

    it('marks a deadline set in December 2026 that runs into 2027 as provisional', () => {
      // 12/16–12/18, 12/21–12/25, 12/28–12/31, then 2027: 1/1 off, 1/4–1/8, 1/11–1/13
      expect(calendar.addWorkingDays('2026-12-15', 20)).toEqual({ date: '2027-01-13', provisional: true });
      expect(calendar.addWorkingDays('2026-12-15', 12)).toEqual({ date: '2026-12-31', provisional: false });
      expect(calendar.workingDaysBetween('2026-12-15', '2027-01-13')).toEqual({ days: 20, provisional: true });
      expect(calendar.dueInstant(new Date('2026-12-15T03:00:00Z'), 20).provisional).toBe(true);
    });
  });

  describe('an official arrangement loaded at run time', () => {
    const arrangement2027 = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
      workdays: [{ date: '2027-01-09', name: '元旦调休' }],
    };

    it('takes precedence over the fallback and makes deadlines final', () => {
      const loaded = new WorkingDayCalendar([arrangement2027]);
      expect(loaded.sourceOfYear(2027)).toBe('override');
      expect(loaded.day('2027-01-09')).toEqual({ date: '2027-01-09', working: true, name: '元旦调休', source: 'override' });
      // the fallback's 春节补假 is gone: the arrangement names every day off of its year
      expect(loaded.day('2027-02-10')).toEqual({ date: '2027-02-10', working: true, source: 'override' });
      // 12/16 … 12/31 (12), 1/4–1/8 (17), 1/9 调休 (18), 1/11, 1/12
      expect(loaded.addWorkingDays('2026-12-15', 20)).toEqual({ date: '2027-01-12', provisional: false });
    });

    it('takes precedence over the library, and loading a year again replaces it', () => {
      const loaded = new WorkingDayCalendar();
      loaded.load({ year: 2026, holidays: [{ date: '2026-02-14', name: '春节' }], workdays: [] });
      expect(loaded.day('2026-02-14')).toMatchObject({ working: false, source: 'override' });
      expect(loaded.day('2026-02-16')).toMatchObject({ working: true, source: 'override' });
      loaded.load({ year: 2026, holidays: [], workdays: [] });
      expect(loaded.day('2026-02-14')).toMatchObject({ working: false, source: 'override' }); // a plain Saturday now
    });

    it('refuses days outside the year it claims', () => {
      expect(() => new WorkingDayCalendar().load({ year: 2027, holidays: [{ date: '2026-12-31', name: 'x' }], workdays: [] })).toThrow(RangeError);
    });
  });

  it('refuses malformed input', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-03', -1)).toThrow(RangeError);
    expect(() => calendar.subtractWorkingDays('2026-02-03', 1.5)).toThrow(RangeError);
    expect(calendar.addWorkingDays('2026-02-15', 0)).toEqual({ date: '2026-02-15', provisional: false });
  });
});

describe('statutoryHolidays (《全国年节及纪念日放假办法》, 2024 revision)', () => {
  it.each([2025, 2026])('agrees with the State Council arrangement of %i: every statutory day off is a holiday', (year) => {
    const days = statutoryHolidays(year);
    expect(days.filter((d) => !d.name.endsWith('补假'))).toHaveLength(13);
    for (const d of days) expect({ date: d.date, holiday: chineseDays.isHoliday(d.date) }).toEqual({ date: d.date, holiday: true });
  });

  it('keeps each festival its days when 中秋 coincides with 国庆 (2028)', () => {
    const october = statutoryHolidays(2028).filter((d) => d.date.startsWith('2028-10'));
    // 中秋 10/3 takes one of 国庆's days; 10/1 is a Sunday: two 补假 follow
    expect(october).toEqual([
      { date: '2028-10-01', name: '国庆节' },
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '中秋节' },
      { date: '2028-10-04', name: '国庆节补假' },
      { date: '2028-10-05', name: '国庆节补假' },
    ]);
  });

  it('knows nothing outside the range of the lunar tables', () => {
    expect(statutoryHolidays(1800)).toEqual([]);
  });
});
