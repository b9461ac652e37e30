import {
  isOversightPeriod,
  oversightPeriodRange,
  previousOversightPeriod,
  EscalationEventTypes,
  ApplicationFigures,
  SupervisionFigures,
} from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { OversightReport } from './oversight-report';
import { DEFAULT_SCORE_WEIGHTS } from './scoring';

const applications: ApplicationFigures = {
  asOf: '2026-11-01T00:00:00.000Z',
  departments: [
    {
      departmentCode: 'AS-XZSPJ',
      decided: 10,
      decidedOnTime: 8,
      decidedLate: 2,
      openOverdue: 1,
      averageUsedWorkingDays: 4.5,
      maxUsedWorkingDays: 9,
      illegalClockStopAttempts: 2,
    },
  ],
};
const supervision: SupervisionFigures = {
  asOf: '2026-11-01T00:00:00.000Z',
  departments: [
    {
      departmentCode: 'AS-ZJJ',
      tasks: { due: 4, onTime: 3, late: 1 },
      commitments: { due: 2, verifiedOnTime: 2, notOnTime: 0 },
      letters: { received: 2, reminders: 1, supervisionLetters: 1, acknowledged: 2, answered: 1, answeredLate: 0, overdue: 1 },
      escalation: { obligations: 1, warnings: 1, reminders: 1, supervisionLetters: 1, circulars: 0 },
      conductComplaintsUpheld: 0,
    },
    {
      departmentCode: 'AS-XZSPJ',
      tasks: { due: 0, onTime: 0, late: 0 },
      commitments: { due: 0, verifiedOnTime: 0, notOnTime: 0 },
      letters: { received: 1, reminders: 1, supervisionLetters: 0, acknowledged: 1, answered: 1, answeredLate: 0, overdue: 0 },
      escalation: { obligations: 1, warnings: 0, reminders: 1, supervisionLetters: 0, circulars: 0 },
      // a substantiated complaint about the approval service (its own conduct)
      conductComplaintsUpheld: 1,
    },
  ],
};
const october = oversightPeriodRange('monthly', '2026-10');
const compose = (overrides: Partial<Parameters<typeof OversightReport.compose>[0]> = {}) =>
  OversightReport.compose({
    id: 'r-1',
    kind: 'monthly',
    period: '2026-10',
    ...october,
    workflowId: 'oversight-report-monthly-2026-10',
    applications,
    supervision,
    sample: null,
    weights: DEFAULT_SCORE_WEIGHTS,
    generatedAt: new Date('2026-11-01T02:00:00+08:00'),
    ...overrides,
  });

describe('oversight periods (China time)', () => {
  it('bounds a month and a quarter at China midnight', () => {
    expect(oversightPeriodRange('monthly', '2026-10')).toEqual({ from: new Date('2026-10-01T00:00:00+08:00'), to: new Date('2026-11-01T00:00:00+08:00') });
    expect(oversightPeriodRange('monthly', '2026-12')).toEqual({ from: new Date('2026-12-01T00:00:00+08:00'), to: new Date('2027-01-01T00:00:00+08:00') });
    expect(oversightPeriodRange('quarterly', '2026-Q3')).toEqual({ from: new Date('2026-07-01T00:00:00+08:00'), to: new Date('2026-10-01T00:00:00+08:00') });
    expect(oversightPeriodRange('quarterly', '2026-Q4')).toEqual({ from: new Date('2026-10-01T00:00:00+08:00'), to: new Date('2027-01-01T00:00:00+08:00') });
    expect(() => oversightPeriodRange('monthly', '2026-Q3')).toThrow('not a month');
    expect(isOversightPeriod('quarterly', '2026-13')).toBe(false);
  });

  it('takes the previous month or quarter of China time (a scheduled run at 02:00 on the 1st is still the day before in UTC)', () => {
    const run = new Date('2026-11-01T02:00:00+08:00'); // 2026-10-31T18:00Z
    expect(previousOversightPeriod('monthly', run)).toBe('2026-10');
    expect(previousOversightPeriod('monthly', new Date('2027-01-01T02:00:00+08:00'))).toBe('2026-12');
    expect(previousOversightPeriod('quarterly', new Date('2026-10-01T03:00:00+08:00'))).toBe('2026-Q3');
    expect(previousOversightPeriod('quarterly', new Date('2027-01-01T03:00:00+08:00'))).toBe('2026-Q4');
  });
});

describe('the oversight report', () => {
  it('joins both services’ figures per department, with the obligations on time and late', () => {
    const report = compose().snapshot;
    expect(report.departments.map((d) => d.departmentCode)).toEqual(['AS-XZSPJ', 'AS-ZJJ']);
    const [spj, zjj] = report.departments;
    expect(spj.obligations).toEqual({ onTime: 8, late: 3 });
    expect(spj.applications.illegalClockStopAttempts).toBe(2);
    expect(spj.letters.received).toBe(1);
    expect(zjj.obligations).toEqual({ onTime: 5, late: 1 });
    expect(zjj.applications.decided).toBe(0);
    expect(report.totals).toEqual({
      onTime: 13,
      late: 4,
      lettersReceived: 3,
      lettersOverdue: 1,
      escalatedObligations: 2,
      illegalClockStopAttempts: 2,
      conductComplaintsUpheld: 1,
    });
    expect(spj.conductComplaintsUpheld).toBe(1);
    expect(zjj.conductComplaintsUpheld).toBe(0);
    expect(report.weights).toBeNull();
    expect(spj.score).toBeNull();
  });

  it('scores a quarter with the weights it stores, best first', () => {
    const report = compose({ kind: 'quarterly', period: '2026-Q3', ...oversightPeriodRange('quarterly', '2026-Q3') }).snapshot;
    expect(report.weights).toEqual(DEFAULT_SCORE_WEIGHTS);
    const byCode = Object.fromEntries(report.departments.map((d) => [d.departmentCode, d.score!.score]));
    // AS-XZSPJ: applications 8/11, letters 1/1 → (0.4×8/11 + 0.1×1)/0.5 = 78.18, −2×2 for the refused stops
    expect(byCode['AS-XZSPJ']).toBe(74.18);
    // AS-ZJJ: tasks 3/4, commitments 2/2, letters 1/2 → (0.3×0.75 + 0.2×1 + 0.1×0.5)/0.6 = 79.17, −1 for the 督办函
    expect(byCode['AS-ZJJ']).toBe(78.17);
    expect(report.departments.map((d) => d.departmentCode)).toEqual(['AS-ZJJ', 'AS-XZSPJ']);
  });

  it('refuses a period of the wrong kind, bounds that are not the period’s, and a period not yet over', () => {
    expect(() => compose({ period: '2026-Q3' })).toThrow(RuleViolation);
    expect(() => compose({ from: new Date('2026-10-02T00:00:00+08:00') })).toThrow('from and to must be the bounds of 2026-10');
    expect(() => compose({ generatedAt: new Date('2026-10-31T23:00:00+08:00') })).toThrow('period 2026-10 has not ended yet');
  });

  it('announces report.published.v1 with each department’s headline and the sample’s seed', () => {
    const sample = { seed: 7, size: 2, populationSize: 5, populationDigest: 'd'.repeat(64), items: [] };
    const transition = compose({ sample }).published('a'.repeat(64));
    expect(transition.action).toBe('oversight-report.published');
    expect(transition.events).toEqual([
      {
        type: EscalationEventTypes.reportPublished,
        subject: 'r-1',
        data: expect.objectContaining({
          reportId: 'r-1',
          kind: 'monthly',
          period: '2026-10',
          from: '2026-09-30T16:00:00.000Z',
          to: '2026-10-31T16:00:00.000Z',
          sample: { seed: 7, size: 2, drawn: 0, populationSize: 5 },
          pdfSha256: 'a'.repeat(64),
          departments: [
            { departmentCode: 'AS-XZSPJ', obligationsOnTime: 8, obligationsLate: 3, lettersOverdue: 0, score: null },
            { departmentCode: 'AS-ZJJ', obligationsOnTime: 5, obligationsLate: 1, lettersOverdue: 1, score: null },
          ],
        }),
      },
    ]);
  });
});
