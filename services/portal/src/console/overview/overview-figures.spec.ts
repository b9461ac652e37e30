import { chinaMonthOf, fiveNumbers, lettersPerMonth, obligationsOnTime, usedDaysByProjectType } from './overview-figures';
import type { ApplicationSummary } from './upstream-shapes';

function application(projectCode: string, used: number, limit: number, decided = true): ApplicationSummary {
  return {
    id: `${projectCode}-${used}`,
    projectCode,
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-XZSPJ',
    status: decided ? 'approved' : 'accepted',
    acceptedAt: '2026-11-02T01:00:00.000Z',
    decidedAt: decided ? '2026-11-10T01:00:00.000Z' : null,
    illegalClockStopAttempts: 0,
    terms: { stage: '施工许可', timeLimitWorkingDays: limit },
    clockStops: [],
    timing: {
      timeLimitWorkingDays: limit,
      usedWorkingDays: used,
      suspendedWorkingDays: 0,
      remainingWorkingDays: limit - used,
      dueAt: '2026-11-11T15:59:59.999Z',
      clockStopped: false,
      overdue: used > limit,
      decidedWithinLimit: decided ? used <= limit : null,
    },
  };
}

describe('overview figures', () => {
  it('reads a China month: an instant before midnight UTC+8 belongs to the month it is in China', () => {
    expect(chinaMonthOf('2026-10-31T16:30:00.000Z')).toBe('2026-11');
    expect(chinaMonthOf('2026-10-31T15:59:59.999Z')).toBe('2026-10');
  });

  it('splits decided applications by the share within the limit, and counts open overdue ones as late, latest first', () => {
    expect(
      obligationsOnTime([
        { departmentCode: 'AS-ZJJ', accepted: 5, decided: 4, withinLimitShare: 0.75, overdueOpen: 1, illegalClockStopAttempts: 0 },
        { departmentCode: 'AS-XZSPJ', accepted: 10, decided: 10, withinLimitShare: 1, overdueOpen: 0, illegalClockStopAttempts: 2 },
        { departmentCode: 'AS-FGW', accepted: 1, decided: 0, withinLimitShare: null, overdueOpen: 1, illegalClockStopAttempts: 0 },
      ]),
    ).toEqual([
      { departmentCode: 'AS-ZJJ', onTime: 3, late: 2 },
      { departmentCode: 'AS-FGW', onTime: 0, late: 1 },
      { departmentCode: 'AS-XZSPJ', onTime: 10, late: 0 },
    ]);
  });

  it('counts letters issued and answered in each month of the year, the others left out', () => {
    const months = lettersPerMonth(
      [
        { issuedAt: '2026-11-03T02:00:00.000Z', repliedAt: '2026-12-01T02:00:00.000Z' },
        { issuedAt: '2026-11-20T02:00:00.000Z', repliedAt: null },
        { issuedAt: '2025-12-31T17:00:00.000Z', repliedAt: null }, // 1 January 2026 in China
        { issuedAt: '2025-12-30T02:00:00.000Z', repliedAt: '2026-01-05T02:00:00.000Z' },
      ],
      2026,
    );
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2026-01', issued: 1, answered: 1 });
    expect(months[10]).toEqual({ month: '2026-11', issued: 2, answered: 0 });
    expect(months[11]).toEqual({ month: '2026-12', issued: 0, answered: 1 });
  });

  it('gives the five numbers of a box plot by linear interpolation', () => {
    expect(fiveNumbers([7, 1, 3, 5])).toEqual({ min: 1, q1: 2.5, median: 4, q3: 5.5, max: 7 });
    expect(fiveNumbers([4])).toEqual({ min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    expect(() => fiveNumbers([])).toThrow('fiveNumbers of no values');
  });

  it('groups decided applications by their project’s type (in pinyin order) against their limit, open and unknown ones left out', () => {
    const result = usedDaysByProjectType(
      [application('P1', 3, 7), application('P1', 9, 7), application('P2', 2, 5), application('P2', 4, 5, false), application('P-UNKNOWN', 1, 7)],
      [
        { code: 'P1', type: '社会投资简易低风险' },
        { code: 'P2', type: '政府投资房屋建筑' },
      ],
    );
    expect(result).toEqual([
      {
        projectType: '社会投资简易低风险',
        applications: 2,
        usedWorkingDays: { min: 3, q1: 4.5, median: 6, q3: 7.5, max: 9 },
        limitWorkingDays: 7,
        overLimit: 1,
      },
      { projectType: '政府投资房屋建筑', applications: 1, usedWorkingDays: { min: 2, q1: 2, median: 2, q3: 2, max: 2 }, limitWorkingDays: 5, overLimit: 0 },
    ]);
  });
});
