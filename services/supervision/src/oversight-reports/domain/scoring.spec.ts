import { DEFAULT_SCORE_WEIGHTS, scoreDepartment, ScoreInput, scoreWeightsFrom } from './scoring';

const input = (overrides: Partial<ScoreInput> = {}): ScoreInput => ({
  rates: {
    applications: { onTime: 8, due: 10 },
    supervisionTasks: { onTime: 5, due: 5 },
    commitments: { onTime: 1, due: 2 },
    letters: { onTime: 3, due: 4 },
  },
  illegalClockStopAttempts: 0,
  supervisionLettersReceived: 0,
  circulars: 0,
  ...overrides,
});

describe('督查评分 (quarterly score)', () => {
  it('weighs the on-time rates of the kinds due: 100 × Σ w·rate / Σ w', () => {
    const result = scoreDepartment(input(), DEFAULT_SCORE_WEIGHTS);
    // (0.4×0.8 + 0.3×1 + 0.2×0.5 + 0.1×0.75) / 1.0 = 0.795
    expect(result).toEqual({
      score: 79.5,
      base: 79.5,
      rates: { applications: 0.8, supervisionTasks: 1, commitments: 0.5, letters: 0.75 },
      deductions: { illegalClockStop: 0, supervisionLetter: 0, circular: 0 },
    });
  });

  it('leaves out the kinds with nothing due (their weight too); nothing due at all is 100', () => {
    const onlyApplications = input({
      rates: {
        applications: { onTime: 3, due: 4 },
        supervisionTasks: { onTime: 0, due: 0 },
        commitments: { onTime: 0, due: 0 },
        letters: { onTime: 0, due: 0 },
      },
    });
    const result = scoreDepartment(onlyApplications, DEFAULT_SCORE_WEIGHTS);
    expect(result.score).toBe(75);
    expect(result.rates).toEqual({ applications: 0.75, supervisionTasks: null, commitments: null, letters: null });
    const nothing = input({
      rates: {
        applications: { onTime: 0, due: 0 },
        supervisionTasks: { onTime: 0, due: 0 },
        commitments: { onTime: 0, due: 0 },
        letters: { onTime: 0, due: 0 },
      },
    });
    expect(scoreDepartment(nothing, DEFAULT_SCORE_WEIGHTS).score).toBe(100);
  });

  it('deducts per refused clock-stop, 督办函 and 通报, and never goes below 0', () => {
    const result = scoreDepartment(input({ illegalClockStopAttempts: 2, supervisionLettersReceived: 3, circulars: 1 }), DEFAULT_SCORE_WEIGHTS);
    expect(result.deductions).toEqual({ illegalClockStop: 4, supervisionLetter: 3, circular: 5 });
    expect(result.score).toBe(79.5 - 12);
    expect(scoreDepartment(input({ circulars: 30 }), DEFAULT_SCORE_WEIGHTS).score).toBe(0);
  });

  it('takes the weights from configuration over the defaults, and refuses bad ones naming the key and rule', () => {
    expect(scoreWeightsFrom(undefined)).toEqual(DEFAULT_SCORE_WEIGHTS);
    expect(scoreWeightsFrom('{"applications":1,"circular":10}')).toEqual({ ...DEFAULT_SCORE_WEIGHTS, applications: 1, circular: 10 });
    const weights = scoreWeightsFrom('{"applications":1,"supervisionTasks":0,"commitments":0,"letters":0}');
    expect(scoreDepartment(input(), weights).score).toBe(80);
    expect(() => scoreWeightsFrom('{"speed":1}')).toThrow('OVERSIGHT_SCORE_WEIGHTS.speed is not a weight');
    expect(() => scoreWeightsFrom('{"circular":-1}')).toThrow('OVERSIGHT_SCORE_WEIGHTS.circular must be a number from 0 to 100');
    expect(() => scoreWeightsFrom('[1]')).toThrow('must be a JSON object');
    expect(() => scoreWeightsFrom('{"applications":0,"supervisionTasks":0,"commitments":0,"letters":0}')).toThrow('at least one of');
  });
});
