import { ConditionOperators, ProjectFacts, ProjectFactSpecs, StageCondition } from '@cityworks/contracts';
import type { FieldError } from '@cityworks/platform';
import { fieldError } from '@cityworks/platform';

/** true, false, or undefined when a fact it depends on is not known */
export type Truth = boolean | undefined;

const MAX_DEPTH = 6;
const MAX_BRANCHES = 20;

/**
 * Three-valued evaluation: a missing fact makes a test unknown; `all` is false as soon as one
 * part is false, `any` true as soon as one part is true, so a known fact can settle the answer
 * even when another is missing.
 */
export function evaluate(condition: StageCondition, facts: ProjectFacts, missing: Set<string> = new Set()): Truth {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, facts, missing));
    return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluate(c, facts, missing));
    return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
  }
  if ('not' in condition) {
    const inner = evaluate(condition.not, facts, missing);
    return inner === undefined ? undefined : !inner;
  }
  const actual = facts[condition.fact];
  if (actual === undefined || actual === null) {
    missing.add(condition.fact);
    return undefined;
  }
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return (actual as number) > (expected as number);
    case 'gte':
      return (actual as number) >= (expected as number);
    case 'lt':
      return (actual as number) < (expected as number);
    case 'lte':
      return (actual as number) <= (expected as number);
    case 'in':
      return (expected as unknown[]).includes(actual);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Checks a condition written by hand (or in a file): known facts, operators that fit their type. */
export function checkCondition(condition: unknown, path: string, depth = 0): FieldError[] {
  if (depth > MAX_DEPTH) return [fieldError(path, 'maxDepth', `${path} nests deeper than ${MAX_DEPTH} levels`)];
  if (!isObject(condition)) return [fieldError(path, 'isCondition', `${path} must be an object with one of fact, all, any, not`)];
  const keys = Object.keys(condition);
  for (const group of ['all', 'any'] as const) {
    if (group in condition) {
      if (keys.length !== 1) return [fieldError(path, 'isCondition', `${path} must hold only "${group}"`)];
      const parts = condition[group];
      if (!Array.isArray(parts) || parts.length === 0 || parts.length > MAX_BRANCHES) {
        return [fieldError(`${path}.${group}`, 'isArray', `${path}.${group} must be a list of 1–${MAX_BRANCHES} conditions`)];
      }
      return parts.flatMap((part, i) => checkCondition(part, `${path}.${group}.${i}`, depth + 1));
    }
  }
  if ('not' in condition) {
    if (keys.length !== 1) return [fieldError(path, 'isCondition', `${path} must hold only "not"`)];
    return checkCondition(condition.not, `${path}.not`, depth + 1);
  }
  if (keys.some((k) => !['fact', 'op', 'value'].includes(k)) || !('fact' in condition)) {
    return [fieldError(path, 'isCondition', `${path} must be {fact, op, value} or one of all, any, not`)];
  }
  const spec = (ProjectFactSpecs as Record<string, { type: string; values?: readonly string[] }>)[condition.fact as string];
  if (typeof condition.fact !== 'string' || !Object.prototype.hasOwnProperty.call(ProjectFactSpecs, condition.fact) || !spec) {
    return [fieldError(`${path}.fact`, 'isFact', `${path}.fact must be one of: ${Object.keys(ProjectFactSpecs).join(', ')}`)];
  }
  const op = condition.op as string;
  if (!(ConditionOperators as readonly string[]).includes(op)) {
    return [fieldError(`${path}.op`, 'isOperator', `${path}.op must be one of: ${ConditionOperators.join(', ')}`)];
  }
  const allowedOps = spec.type === 'number' ? ConditionOperators : spec.type === 'string' ? ['eq', 'ne', 'in'] : ['eq', 'ne'];
  if (!allowedOps.includes(op as never)) return [fieldError(`${path}.op`, 'operatorFitsFact', `${path}.op ${op} cannot test ${condition.fact} (${spec.type})`)];
  const fits = (v: unknown) =>
    spec.type === 'number'
      ? typeof v === 'number' && Number.isFinite(v)
      : spec.type === 'boolean'
        ? typeof v === 'boolean'
        : typeof v === 'string' && (!spec.values || spec.values.includes(v));
  const value = condition.value;
  const ok = op === 'in' ? Array.isArray(value) && value.length > 0 && value.length <= 50 && value.every(fits) : fits(value);
  if (!ok) {
    const expected = spec.values ? `one of ${spec.values.join(', ')}` : `a ${spec.type}`;
    return [fieldError(`${path}.value`, 'valueFitsFact', `${path}.value must be ${op === 'in' ? `a list of values, each ${expected}` : expected}`)];
  }
  return [];
}
