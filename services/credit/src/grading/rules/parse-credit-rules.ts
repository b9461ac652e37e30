import { CreditGrade, CreditSeverities, CreditSourceTypes } from '@cityworks/contracts';
import { CreditRules, DEFAULT_CREDIT_RULES, THRESHOLD_GRADES } from './credit-rules';

const GRADES: readonly CreditGrade[] = ['A', 'B', 'C', 'D'];
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function number(path: string, v: unknown, min: number, max: number, whole = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v)))
    throw new Error(`${path} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return v;
}

function object(path: string, v: unknown, keys: readonly string[]): Json {
  if (!isObject(v)) throw new Error(`${path} must be an object`);
  const unknown = Object.keys(v).filter((k) => !keys.includes(k));
  if (unknown.length) throw new Error(`${path} has unknown keys ${unknown.join(', ')} (allowed: ${keys.join(', ')})`);
  return v;
}

/**
 * A rule set from JSON, each part falling back to the default when left out. Checks the ranges
 * and that the grades keep their order: a severity's D threshold is not below its C one, nor C
 * below B, so more 失信 never makes a better grade.
 */
export function parseCreditRules(raw: unknown): CreditRules {
  const root = object('rules', raw, ['thresholds', 'sourceWeights', 'decay', 'goodForA', 'jointPunishmentGrade', 'recordMonths']);
  const rules: CreditRules = structuredClone(DEFAULT_CREDIT_RULES);

  if (root.thresholds !== undefined) {
    const t = object('thresholds', root.thresholds, THRESHOLD_GRADES);
    for (const grade of THRESHOLD_GRADES) {
      if (t[grade] === undefined) continue;
      const bySeverity = object(`thresholds.${grade}`, t[grade], CreditSeverities);
      for (const severity of CreditSeverities) {
        const v = bySeverity[severity];
        if (v === undefined) continue;
        rules.thresholds[grade][severity] = v === null ? null : number(`thresholds.${grade}.${severity}`, v, 0.01, 1000);
      }
    }
    for (const severity of CreditSeverities) {
      const [d, c, b] = THRESHOLD_GRADES.map((g) => rules.thresholds[g][severity] ?? Infinity);
      if (d < c || c < b) throw new Error(`thresholds for ${severity} must not fall from B to C to D (B ${b}, C ${c}, D ${d})`);
    }
  }
  if (root.sourceWeights !== undefined) {
    const w = object('sourceWeights', root.sourceWeights, CreditSourceTypes);
    for (const source of CreditSourceTypes) if (w[source] !== undefined) rules.sourceWeights[source] = number(`sourceWeights.${source}`, w[source], 0, 10);
  }
  if (root.decay !== undefined) {
    if (!Array.isArray(root.decay)) throw new Error('decay must be a list of { afterMonths, factor }');
    rules.decay = root.decay.map((step, i) => {
      const s = object(`decay[${i}]`, step, ['afterMonths', 'factor']);
      return { afterMonths: number(`decay[${i}].afterMonths`, s.afterMonths, 1, 120, true), factor: number(`decay[${i}].factor`, s.factor, 0, 1) };
    });
    const sorted = [...rules.decay].sort((a, b) => a.afterMonths - b.afterMonths);
    sorted.forEach((step, i) => {
      if (i > 0 && step.afterMonths === sorted[i - 1].afterMonths) throw new Error(`decay names ${step.afterMonths} months twice`);
      if (i > 0 && step.factor > sorted[i - 1].factor) throw new Error(`decay factor must not grow with age (${step.afterMonths} months: ${step.factor})`);
    });
  }
  if (root.goodForA !== undefined) rules.goodForA = number('goodForA', root.goodForA, 1, 100, true);
  if (root.jointPunishmentGrade !== undefined) {
    if (!GRADES.includes(root.jointPunishmentGrade as CreditGrade) || root.jointPunishmentGrade === 'A' || root.jointPunishmentGrade === 'B')
      throw new Error(`jointPunishmentGrade must be C or D, got ${JSON.stringify(root.jointPunishmentGrade)}`);
    rules.jointPunishmentGrade = root.jointPunishmentGrade as CreditGrade;
  }
  if (root.recordMonths !== undefined) {
    const m = object('recordMonths', root.recordMonths, ['good', ...CreditSeverities]);
    for (const key of ['good', ...CreditSeverities] as const)
      if (m[key] !== undefined) rules.recordMonths[key] = number(`recordMonths.${key}`, m[key], 1, 120, true);
  }
  return rules;
}
