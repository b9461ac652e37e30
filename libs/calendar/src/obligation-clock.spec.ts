import { obligationDeadline, usedWorkingDays } from './obligation-clock';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * Every expected value below is counted by hand from the 2026 arrangement as carried by
 * `chinese-days` 1.5.7 (checked in the first test):
 *   春节: 2/15 (Sun) – 2/23 (Mon) off; 调休 working Saturdays 2/14 and 2/28.
 *   中秋: 9/25 (Fri) – 9/27 (Sun) off; 国庆: 10/1 (Thu) – 10/7 (Wed) off; 调休 working Sun 9/20 and Sat 10/10.
 *   No holiday or 调休 in March or December 2026. 2027 has no arrangement: the statutory fallback
 *   makes 1/1 (Fri, 元旦) a day off, 1/2–1/3 are a weekend, 1/4 (Mon) is a working day.
 * Weekdays: 2026-02-01 and 2026-03-01 are Sundays, 2026-10-01 is a Thursday, 2026-12-01 a Tuesday.
 * Instants are written in China time (+08:00); a deadline ends at 23:59:59.999 China time.
 */
const calendar = new WorkingDayCalendar();
const at = (chinaTime: string): Date => new Date(`${chinaTime}+08:00`);
const endOf = (date: string): Date => at(`${date}T23:59:59.999`);

describe('the 2026 days these cases rely on', () => {
  it('are what the calendar says', () => {
    const working = ['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-28', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-12-31'];
    const off = ['2026-02-15', '2026-02-23', '2026-03-01', '2026-03-07', '2026-10-01', '2026-10-07', '2026-10-11', '2027-01-01', '2027-01-03'];
    expect(working.filter((d) => !calendar.isWorkingDay(d))).toEqual([]);
    expect(off.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
  });
});

describe('usedWorkingDays (办理用时)', () => {
  it('does not count the start day and counts the 调休 Saturday, not the holiday', () => {
    // accepted Thu 2/12, decided Thu 2/26: (2/12, 2/26] holds 2/13, 2/14 (调休), [2/15–2/23 off], 2/24, 2/25, 2/26 = 5
    expect(usedWorkingDays(calendar, { startedAt: at('2026-02-12T10:00'), endedAt: at('2026-02-26T16:00'), stops: [] })).toEqual({
      used: 5,
      suspended: 0,
      provisional: false,
    });
  });

  it('takes the working days of a clock-stop across the holiday off', () => {
    // (2/12, 3/2] holds 2/13, 2/14, 2/24, 2/25, 2/26, 2/27, 2/28 (调休), 3/2 = 8 working days;
    // the stop Fri 2/13 → Wed 2/25 suspends (2/13, 2/25]: 2/14, 2/24, 2/25 = 3 (2/13 itself still counts); 8 − 3 = 5
    const stops = [{ from: at('2026-02-13T15:00'), to: at('2026-02-25T09:00') }];
    expect(usedWorkingDays(calendar, { startedAt: at('2026-02-12T10:00'), endedAt: at('2026-03-02T17:00'), stops })).toEqual({
      used: 5,
      suspended: 3,
      provisional: false,
    });
  });

  it('runs an open stop to the end', () => {
    // still open on Tue 3/3: (2/12, 3/3] = 2/13, 2/14, 2/24, 2/25, 2/26, 2/27, 2/28, 3/2, 3/3 = 9 working days;
    // the stop opened Tue 2/24 suspends (2/24, 3/3]: 2/25, 2/26, 2/27, 2/28, 3/2, 3/3 = 6; used 9 − 6 = 3 (2/13, 2/14, 2/24)
    const stops = [{ from: at('2026-02-24T14:00'), to: null }];
    expect(usedWorkingDays(calendar, { startedAt: at('2026-02-12T10:00'), endedAt: at('2026-03-03T10:00'), stops })).toEqual({
      used: 3,
      suspended: 6,
      provisional: false,
    });
  });

  it('counts overlapping stops once and clips stops outside the period', () => {
    // accepted Tue 9/29, decided Fri 10/23: (9/29, 10/23] = 9/30, 10/8, 10/9, 10/10 (调休), 10/12–10/16 (5), 10/19–10/23 (5) = 14
    // A (9/30, 10/9] and B (10/8, 10/12] overlap on 10/9: together (9/30, 10/12] = 10/8, 10/9, 10/10, 10/12 = 4
    //   (A alone 2, B alone 10/9, 10/10, 10/12 = 3: adding them would count 10/9 twice → 5)
    // C 9/28 → 9/29 lies on or before the start day: (9/29, 9/29] is empty; D starts after the decision day: nothing
    // used 14 − 4 = 10
    const stops = [
      { from: at('2026-09-30T10:00'), to: at('2026-10-09T12:00') },
      { from: at('2026-10-08T09:00'), to: at('2026-10-12T15:00') },
      { from: at('2026-09-28T09:00'), to: at('2026-09-29T14:00') },
      { from: at('2026-10-26T09:00'), to: at('2026-10-28T09:00') },
    ];
    expect(usedWorkingDays(calendar, { startedAt: at('2026-09-29T10:00'), endedAt: at('2026-10-23T16:00'), stops })).toEqual({
      used: 10,
      suspended: 4,
      provisional: false,
    });
  });

  it('lets a stop that starts and ends on the same day suspend nothing', () => {
    // (2/12, 2/25] = 2/13, 2/14, 2/24, 2/25 = 4; the stop 2/24 09:00 → 17:00 is (2/24, 2/24], empty
    const stops = [{ from: at('2026-02-24T09:00'), to: at('2026-02-24T17:00') }];
    expect(usedWorkingDays(calendar, { startedAt: at('2026-02-12T10:00'), endedAt: at('2026-02-25T10:00'), stops })).toEqual({
      used: 4,
      suspended: 0,
      provisional: false,
    });
  });

  it('uses the China date of an instant', () => {
    // 2/12 20:00 UTC is already 2/13 04:00 in China: the start day is 2/13, so 2/13 is not counted;
    // (2/13, 2/24] = 2/14, 2/24 = 2
    expect(usedWorkingDays(calendar, { startedAt: new Date('2026-02-12T20:00:00Z'), endedAt: at('2026-02-24T10:00'), stops: [] }).used).toBe(2);
  });

  it('is provisional once a day falls in a year with no arrangement', () => {
    // (12/24, 2027-01-05] = 12/25, 12/28, 12/29, 12/30, 12/31, [1/1 元旦 fallback, 1/2–1/3 weekend], 1/4, 1/5 = 7;
    // the stop Tue 12/29 → Thu 12/31 suspends 12/30, 12/31 = 2; used 5; 2027 comes from the fallback
    const stops = [{ from: at('2026-12-29T14:00'), to: at('2026-12-31T09:00') }];
    expect(usedWorkingDays(calendar, { startedAt: at('2026-12-24T10:00'), endedAt: at('2027-01-05T16:00'), stops })).toEqual({
      used: 5,
      suspended: 2,
      provisional: true,
    });
    // ending 12/31: (12/24, 12/31] = 5, less 2 = 3, all of it 2026
    expect(usedWorkingDays(calendar, { startedAt: at('2026-12-24T10:00'), endedAt: at('2026-12-31T16:00'), stops })).toEqual({
      used: 3,
      suspended: 2,
      provisional: false,
    });
  });
});

describe('obligationDeadline', () => {
  describe('accepted Thu 2026-02-12 with 5 working days, across the Spring Festival', () => {
    // 2/13 (1), 2/14 调休 (2), [2/15–2/23 off], 2/24 (3), 2/25 (4), 2/26 (5): due Thu 2/26
    const startedAt = at('2026-02-12T10:00');

    it('is due at the end of Thu 2/26', () => {
      // as of Tue 2/24 10:00: used 2/13, 2/14, 2/24 = 3, remaining 2
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops: [], asOf: at('2026-02-24T10:00') })).toEqual({
        dueAt: endOf('2026-02-26'),
        dueDate: '2026-02-26',
        remaining: 2,
        suspended: 0,
        overdue: false,
        provisional: false,
      });
    });

    it('is overdue the next morning, with a negative remainder', () => {
      // as of Fri 2/27 09:00: used 2/13, 2/14, 2/24, 2/25, 2/26, 2/27 = 6, remaining 5 − 6 = −1
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops: [], asOf: at('2026-02-27T09:00') })).toMatchObject({
        dueDate: '2026-02-26',
        remaining: -1,
        overdue: true,
      });
    });

    it('is still in time in the last millisecond of the last day', () => {
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops: [], asOf: endOf('2026-02-26') })).toMatchObject({
        remaining: 0,
        overdue: false,
      });
    });

    it('is pushed by a clock-stop across the holiday', () => {
      // stop Fri 2/13 15:00 → Wed 2/25 09:00 suspends 2/14, 2/24, 2/25 = 3 working days.
      // Counted days: 2/13 (1), [2/14, 2/24, 2/25 stopped], 2/26 (2), 2/27 (3), 2/28 调休 (4), Mon 3/2 (5): due 3/2
      // as of Fri 2/27 10:00: (2/12, 2/27] = 6 working days, 3 suspended, used 3, remaining 2 (2/28, 3/2)
      const stops = [{ from: at('2026-02-13T15:00'), to: at('2026-02-25T09:00') }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops, asOf: at('2026-02-27T10:00') })).toEqual({
        dueAt: endOf('2026-03-02'),
        dueDate: '2026-03-02',
        remaining: 2,
        suspended: 3,
        overdue: false,
        provisional: false,
      });
    });

    it('moves with an open stop up to asOf (an open application)', () => {
      // stop opened Tue 2/24 14:00, still open on Tue 3/3 10:00: suspended (2/24, 3/3] = 2/25, 2/26, 2/27, 2/28, 3/2, 3/3 = 6.
      // Counted: 2/13 (1), 2/14 (2), 2/24 (3), [stopped through 3/3], 3/4 (4), 3/5 (5): due Thu 3/5; used 3, remaining 2
      const stops = [{ from: at('2026-02-24T14:00'), to: null }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops, asOf: at('2026-03-03T10:00') })).toEqual({
        dueAt: endOf('2026-03-05'),
        dueDate: '2026-03-05',
        remaining: 2,
        suspended: 6,
        overdue: false,
        provisional: false,
      });
    });

    it('is not pushed by a stop that starts and ends on the same day', () => {
      // (2/24, 2/24] is empty: due stays 2/26; as of Wed 2/25: used 2/13, 2/14, 2/24, 2/25 = 4, remaining 1
      const stops = [{ from: at('2026-02-24T09:00'), to: at('2026-02-24T17:00') }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops, asOf: at('2026-02-25T10:00') })).toEqual({
        dueAt: endOf('2026-02-26'),
        dueDate: '2026-02-26',
        remaining: 1,
        suspended: 0,
        overdue: false,
        provisional: false,
      });
    });

    it('does not count a stop before it has happened', () => {
      // the stop 2/25 → 2/27 is after asOf (Tue 2/24): nothing suspended so far, due 2/26; used 3 (2/13, 2/14, 2/24)
      const stops = [{ from: at('2026-02-25T09:00'), to: at('2026-02-27T09:00') }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 5, stops, asOf: at('2026-02-24T10:00') })).toMatchObject({
        dueDate: '2026-02-26',
        remaining: 2,
        suspended: 0,
      });
    });
  });

  describe('accepted Tue 2026-09-29 with 10 working days, across 中秋/国庆', () => {
    // no stop: 9/30 (1), [10/1–10/7 off], 10/8 (2), 10/9 (3), 10/10 调休 (4), 10/12–10/16 (5–9), Mon 10/19 (10)
    const startedAt = at('2026-09-29T10:00');

    it('is due Mon 10/19 without a stop', () => {
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 10, stops: [], asOf: at('2026-09-30T10:00') })).toMatchObject({
        dueDate: '2026-10-19',
        remaining: 9, // used: 9/30
      });
    });

    it('is pushed by a stop from 9/30 to 10/9', () => {
      // the stop suspends (9/30, 10/9]: 10/1–10/7 are off anyway, so only 10/8, 10/9 = 2 working days.
      // Counted: 9/30 (1), [10/8, 10/9 stopped], 10/10 调休 (2), 10/12–10/16 (3–7), 10/19 (8), 10/20 (9), Wed 10/21 (10)
      // as of Mon 10/12 09:00: (9/29, 10/12] = 9/30, 10/8, 10/9, 10/10, 10/12 = 5, suspended 2, used 3, remaining 7
      const stops = [{ from: at('2026-09-30T16:00'), to: at('2026-10-09T11:00') }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 10, stops, asOf: at('2026-10-12T09:00') })).toEqual({
        dueAt: endOf('2026-10-21'),
        dueDate: '2026-10-21',
        remaining: 7,
        suspended: 2,
        overdue: false,
        provisional: false,
      });
      // as of Thu 10/22 10:00, still undecided: (9/29, 10/22] = 13 working days, 2 suspended, used 11, remaining −1
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 10, stops, asOf: at('2026-10-22T10:00') })).toMatchObject({
        dueDate: '2026-10-21',
        remaining: -1,
        suspended: 2,
        overdue: true,
      });
    });

    it('counts overlapping stops once', () => {
      // (9/30, 10/9] ∪ (10/8, 10/12] = (9/30, 10/12]: 10/8, 10/9, 10/10, 10/12 = 4 suspended.
      // Counted: 9/30 (1), [stopped], 10/13 (2), 10/14 (3), 10/15 (4), 10/16 (5), 10/19–10/23 (6–10): due Fri 10/23
      // as of Wed 10/14 10:00: (9/29, 10/14] = 9/30, 10/8, 10/9, 10/10, 10/12, 10/13, 10/14 = 7, less 4: used 3, remaining 7
      const stops = [
        { from: at('2026-09-30T10:00'), to: at('2026-10-09T12:00') },
        { from: at('2026-10-08T09:00'), to: at('2026-10-12T15:00') },
      ];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 10, stops, asOf: at('2026-10-14T10:00') })).toEqual({
        dueAt: endOf('2026-10-23'),
        dueDate: '2026-10-23',
        remaining: 7,
        suspended: 4,
        overdue: false,
        provisional: false,
      });
    });
  });

  describe('a stop at the edge of the deadline (March 2026, no holidays)', () => {
    it('keeps the clock stopped over a weekend when the stop began on the last day', () => {
      // accepted Mon 3/2, 3 days: 3/3, 3/4, Thu 3/5. The stop opened Thu 3/5 17:00 is still open.
      // as of Sat 3/7: suspended (3/5, 3/7] = Fri 3/6 = 1 → due Fri 3/6, which has passed; but the clock
      // is stopped, so not overdue. Used: (3/2, 3/7] = 3/3, 3/4, 3/5, 3/6 = 4, less 1 = 3, remaining 0
      const startedAt = at('2026-03-02T10:00');
      const stops = [{ from: at('2026-03-05T17:00'), to: null }];
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 3, stops, asOf: at('2026-03-07T10:00') })).toEqual({
        dueAt: endOf('2026-03-06'),
        dueDate: '2026-03-06',
        remaining: 0,
        suspended: 1,
        overdue: false,
        provisional: false,
      });
      // as of Mon 3/9, still stopped: suspended 3/6, 3/9 = 2 → due Mon 3/9; used (3/2, 3/9] = 5 − 2 = 3, remaining 0
      expect(obligationDeadline(calendar, { startedAt, budgetWorkingDays: 3, stops, asOf: at('2026-03-09T10:00') })).toMatchObject({
        dueDate: '2026-03-09',
        remaining: 0,
        suspended: 2,
        overdue: false,
      });
    });

    it('does not revive a deadline that had passed before the stop began', () => {
      // accepted Tue 3/3, 3 days: 3/4, 3/5, Fri 3/6. A stop opened Sat 3/7, after the deadline day: it does not push.
      // as of Mon 3/9: due stays 3/6, overdue; (3/3, 3/9] = 3/4, 3/5, 3/6, 3/9 = 4, 3/9 suspended → used 3, remaining 0
      const stops = [{ from: at('2026-03-07T10:00'), to: null }];
      expect(obligationDeadline(calendar, { startedAt: at('2026-03-03T10:00'), budgetWorkingDays: 3, stops, asOf: at('2026-03-09T10:00') })).toEqual({
        dueAt: endOf('2026-03-06'),
        dueDate: '2026-03-06',
        remaining: 0,
        suspended: 1,
        overdue: true,
        provisional: false,
      });
    });

    it('gives the start day itself for a budget of 0', () => {
      expect(obligationDeadline(calendar, { startedAt: at('2026-03-03T10:00'), budgetWorkingDays: 0, stops: [], asOf: at('2026-03-03T11:00') })).toMatchObject({
        dueDate: '2026-03-03',
        remaining: 0,
        overdue: false,
      });
    });
  });

  describe('a deadline in 2027', () => {
    // accepted Thu 12/24, 5 days; stop Tue 12/29 14:00 → Thu 12/31 09:00 suspends 12/30, 12/31 = 2.
    // Counted: 12/25 (1), 12/28 (2), 12/29 (3), [12/30, 12/31 stopped], [1/1 元旦, 1/2–1/3 weekend], 1/4 (4), Tue 1/5 (5)
    // as of Thu 12/31 10:00: (12/24, 12/31] = 12/25, 12/28, 12/29, 12/30, 12/31 = 5, less 2 = 3 used, remaining 2
    const input = {
      startedAt: at('2026-12-24T10:00'),
      budgetWorkingDays: 5,
      stops: [{ from: at('2026-12-29T14:00'), to: at('2026-12-31T09:00') }],
      asOf: at('2026-12-31T10:00'),
    };

    it('is provisional while 2027 has no arrangement', () => {
      expect(obligationDeadline(calendar, input)).toEqual({
        dueAt: endOf('2027-01-05'),
        dueDate: '2027-01-05',
        remaining: 2,
        suspended: 2,
        overdue: false,
        provisional: true,
      });
    });

    it('is final once the 2027 arrangement is loaded', () => {
      const loaded = new WorkingDayCalendar([
        { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })), workdays: [] },
      ]);
      expect(obligationDeadline(loaded, input)).toMatchObject({ dueDate: '2027-01-05', provisional: false });
    });
  });
});

describe('refusing nonsense', () => {
  const startedAt = at('2026-03-03T10:00');

  it('names the field', () => {
    expect(() => obligationDeadline(calendar, { startedAt, budgetWorkingDays: -1, stops: [], asOf: startedAt })).toThrow(/budgetWorkingDays/);
    expect(() => obligationDeadline(calendar, { startedAt, budgetWorkingDays: 1.5, stops: [], asOf: startedAt })).toThrow(/budgetWorkingDays/);
    expect(() => obligationDeadline(calendar, { startedAt, budgetWorkingDays: 3, stops: [], asOf: at('2026-03-02T10:00') })).toThrow(/asOf/);
    expect(() => usedWorkingDays(calendar, { startedAt, endedAt: at('2026-03-03T09:59'), stops: [] })).toThrow(/endedAt/);
    expect(() => usedWorkingDays(calendar, { startedAt: new Date('nope'), endedAt: startedAt, stops: [] })).toThrow(/startedAt/);
    const backwards = [{ from: at('2026-03-04T10:00'), to: at('2026-03-04T09:00') }];
    expect(() => usedWorkingDays(calendar, { startedAt, endedAt: at('2026-03-05T10:00'), stops: backwards })).toThrow(/stops\[0\]\.to/);
    expect(() => obligationDeadline(calendar, { startedAt, budgetWorkingDays: 3, stops: backwards, asOf: at('2026-03-05T10:00') })).toThrow(/stops\[0\]\.to/);
  });

  it('throws RangeError', () => {
    expect(() => obligationDeadline(calendar, { startedAt, budgetWorkingDays: -1, stops: [], asOf: startedAt })).toThrow(RangeError);
    expect(() => usedWorkingDays(calendar, { startedAt, endedAt: at('2026-03-02T10:00'), stops: [] })).toThrow(RangeError);
  });
});
