/**
 * 督查评分: a department's quarterly score out of 100 from its figures of the quarter.
 *
 *   rate(k)  = on time / due, for each kind k with anything due in the quarter:
 *              applications (decided on time / (decided + undecided past the deadline)),
 *              supervision tasks (fed back by the deadline / due),
 *              commitments (verified by the deadline / due),
 *              letters (answered by the reply deadline / received)
 *   base     = 100 × Σ w(k)·rate(k) / Σ w(k)     (kinds with nothing due drop out; none → 100)
 *   score    = base − illegalClockStop × refused clock-stops
 *                   − supervisionLetter × 督办函 received − circular × 通报 fired,
 *              clamped to [0, 100] and rounded to two decimals
 *
 * The weights are configuration (OVERSIGHT_SCORE_WEIGHTS, JSON, any subset of the keys below);
 * the weights a report used are stored with it.
 */
export interface ScoreWeights {
  applications: number;
  supervisionTasks: number;
  commitments: number;
  letters: number;
  /** points off per refused clock-stop attempt (不得违规暂停计时) */
  illegalClockStop: number;
  /** points off per 督办函 received */
  supervisionLetter: number;
  /** points off per 通报 fired (追责) */
  circular: number;
}

export const DEFAULT_SCORE_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  applications: 0.4,
  supervisionTasks: 0.3,
  commitments: 0.2,
  letters: 0.1,
  illegalClockStop: 2,
  supervisionLetter: 1,
  circular: 5,
});

const RATE_KEYS = ['applications', 'supervisionTasks', 'commitments', 'letters'] as const;
type RateKey = (typeof RATE_KEYS)[number];

/** The weights from configuration over the defaults; throws naming the key and the rule. */
export function scoreWeightsFrom(json: string | undefined): ScoreWeights {
  if (!json?.trim()) return { ...DEFAULT_SCORE_WEIGHTS };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('OVERSIGHT_SCORE_WEIGHTS must be a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('OVERSIGHT_SCORE_WEIGHTS must be a JSON object');
  const weights: ScoreWeights = { ...DEFAULT_SCORE_WEIGHTS };
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in DEFAULT_SCORE_WEIGHTS))
      throw new Error(`OVERSIGHT_SCORE_WEIGHTS.${key} is not a weight (known: ${Object.keys(DEFAULT_SCORE_WEIGHTS).join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
      throw new Error(`OVERSIGHT_SCORE_WEIGHTS.${key} must be a number from 0 to 100`);
    weights[key as keyof ScoreWeights] = value;
  }
  if (RATE_KEYS.every((key) => weights[key] === 0))
    throw new Error('OVERSIGHT_SCORE_WEIGHTS: at least one of applications, supervisionTasks, commitments, letters must be above 0');
  return weights;
}

/** What the score reads of a department's figures. */
export interface ScoreInput {
  rates: Record<RateKey, { onTime: number; due: number }>;
  illegalClockStopAttempts: number;
  supervisionLettersReceived: number;
  circulars: number;
}

export interface DepartmentScore {
  score: number;
  base: number;
  /** the rates that counted (null: nothing due of that kind) */
  rates: Record<RateKey, number | null>;
  deductions: { illegalClockStop: number; supervisionLetter: number; circular: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function scoreDepartment(input: ScoreInput, weights: ScoreWeights): DepartmentScore {
  let weighted = 0;
  let weightSum = 0;
  const rates = {} as Record<RateKey, number | null>;
  for (const key of RATE_KEYS) {
    const { onTime, due } = input.rates[key];
    if (due <= 0) {
      rates[key] = null;
      continue;
    }
    const rate = Math.min(1, Math.max(0, onTime / due));
    rates[key] = Math.round(rate * 10000) / 10000;
    weighted += weights[key] * rate;
    weightSum += weights[key];
  }
  const base = weightSum > 0 ? (100 * weighted) / weightSum : 100;
  const deductions = {
    illegalClockStop: round2(weights.illegalClockStop * input.illegalClockStopAttempts),
    supervisionLetter: round2(weights.supervisionLetter * input.supervisionLettersReceived),
    circular: round2(weights.circular * input.circulars),
  };
  const score = Math.min(100, Math.max(0, base - deductions.illegalClockStop - deductions.supervisionLetter - deductions.circular));
  return { score: round2(score), base: round2(base), rates, deductions };
}
