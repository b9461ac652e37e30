import { HmacUniform, SEED_PATTERN, seedCommitment } from './hmac-uniform';
import { MessageTemplate, UniformThreads, Uniforms, uniformsHere } from './parallel-uniforms';

/**
 * 双随机 draw: which subjects a campaign inspects (随机抽取检查对象) and who inspects each
 * (随机选派执法检查人员, 随机抽取专家). Pure and deterministic: the same published inputs and
 * seed give the same list on any machine, in any input order. The algorithm is stated in
 * docs/random-draw.md; this file and that document must say the same thing.
 *
 * Imports nothing but node's crypto, os and worker_threads, so scripts/verify-draw.js can run it
 * without the service.
 */

export const DRAW_ALGORITHM = 'cityworks-draw-v1' as const;

export const CreditGrades = ['A', 'B', 'C', 'D'] as const;
export type DrawGrade = (typeof CreditGrades)[number];
export const RiskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

/** Weight per credit grade; `ungraded` for a subject credit has not graded yet. */
export type GradeWeights = Record<DrawGrade | 'ungraded', number>;
export type RiskWeights = Record<RiskLevel, number>;

/**
 * Defaults (抽查概率与信用等级、风险程度挂钩): a D subject is checked eight times as often as an A
 * subject of the same risk, a high-risk subject four times as often as a low-risk one.
 */
export const DEFAULT_GRADE_WEIGHTS: Readonly<GradeWeights> = { A: 0.5, B: 1, C: 2, D: 4, ungraded: 1 };
export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = { low: 0.5, medium: 1, high: 2 };
/** no weight may exceed this: a weight is a scale, not a way to force every subject in */
export const MAX_WEIGHT = 100;

export interface DrawSubject {
  /** 统一社会信用代码: the subject's identity in the draw */
  uscc: string;
  grade: DrawGrade | null;
  risk: RiskLevel;
}

/** One member of a pool with the subjects they may not inspect (回避), worked out before the draw and published with it. */
export interface DrawPoolMember {
  id: string;
  /** the department the inspector serves; experts serve every department and leave it null */
  departmentCode: string | null;
  conflictsWith: string[];
}

export interface DrawInput {
  /** 64 lowercase hex characters; its SHA-256 was published at announcement */
  seed: string;
  baseRatio: number;
  gradeWeights: GradeWeights;
  riskWeights: RiskWeights;
  subjects: DrawSubject[];
  /** the participating departments: each gets a check slot at every visit (部门联合抽查 when more than one) */
  departmentCodes: string[];
  /** 执法人员 each department sends to a visit */
  inspectorsPerCheck: number;
  /** experts drawn for a visit (0 when the supervision items need none) */
  expertsPerVisit: number;
  inspectors: DrawPoolMember[];
  experts: DrawPoolMember[];
}

export interface DrawnVisit {
  uscc: string;
  grade: DrawGrade | null;
  risk: RiskLevel;
  /** p_i = min(1, baseRatio × gradeWeight × riskWeight) */
  inclusionProbability: number;
  /** the subject's u: included because u < p */
  u: number;
  /** one check slot per participating department, with the inspectors it sends (fewer than asked when the pool ran short) */
  checks: { departmentCode: string; inspectorIds: string[] }[];
  expertIds: string[];
}

/** A visit the pool could not staff in full: recorded, never skipped in silence. */
export interface DrawShortfall {
  uscc: string;
  role: 'inspector' | 'expert';
  departmentCode: string | null;
  needed: number;
  eligible: number;
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  seedCommitment: string;
  population: number;
  /** Σ p_i: the expected sample size (the size itself is random, Poisson sampling) */
  expectedSize: number;
  visits: DrawnVisit[];
  shortfalls: DrawShortfall[];
}

/** Every problem of the inputs, by field, so the caller can answer 422 naming them all. */
export class DrawInputError extends Error {
  constructor(readonly problems: { field: string; rule: string }[]) {
    super(`the draw's inputs are invalid: ${problems.map((p) => `${p.field}: ${p.rule}`).join('; ')}`);
  }
}

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const isUsccShape = (code: unknown) => typeof code === 'string' && USCC_SHAPE.test(code);
const MAX_LISTED_PROBLEMS = 100;

const validWeight = (w: unknown) => typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MAX_WEIGHT;

function checkInput(input: DrawInput): void {
  const problems: { field: string; rule: string }[] = [];
  const add = (field: string, rule: string) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ field, rule });
  };
  if (typeof input.seed !== 'string' || !SEED_PATTERN.test(input.seed)) add('seed', 'must be 64 lowercase hex characters');
  if (typeof input.baseRatio !== 'number' || !(input.baseRatio > 0 && input.baseRatio <= 1)) add('baseRatio', 'must be a number greater than 0 and at most 1');
  for (const g of [...CreditGrades, 'ungraded'] as const)
    if (!validWeight(input.gradeWeights?.[g])) add(`gradeWeights.${g}`, `must be a number from 0 to ${MAX_WEIGHT}`);
  for (const r of RiskLevels) if (!validWeight(input.riskWeights?.[r])) add(`riskWeights.${r}`, `must be a number from 0 to ${MAX_WEIGHT}`);
  if (!Array.isArray(input.departmentCodes) || input.departmentCodes.length === 0) add('departmentCodes', 'must name at least one department');
  else if (new Set(input.departmentCodes).size !== input.departmentCodes.length) add('departmentCodes', 'must not repeat a department');
  if (!Number.isInteger(input.inspectorsPerCheck) || input.inspectorsPerCheck < 1 || input.inspectorsPerCheck > 10)
    add('inspectorsPerCheck', 'must be a whole number from 1 to 10');
  if (!Number.isInteger(input.expertsPerVisit) || input.expertsPerVisit < 0 || input.expertsPerVisit > 5)
    add('expertsPerVisit', 'must be a whole number from 0 to 5');
  if (!Array.isArray(input.subjects)) add('subjects', 'must be a list');
  else {
    // a subject listed twice is found after hashing (repeatedSubjects), far cheaper than a set of a million strings
    const subjects = input.subjects;
    for (let i = 0; i < subjects.length; i++) {
      const s = subjects[i];
      if (!isUsccShape(s?.uscc)) add(`subjects[${i}].uscc`, 'must be an 18-character 统一社会信用代码');
      const grade = s?.grade;
      if (grade !== null && grade !== 'A' && grade !== 'B' && grade !== 'C' && grade !== 'D')
        add(`subjects[${i}].grade`, 'must be A, B, C, D or null (ungraded)');
      const risk = s?.risk;
      if (risk !== 'low' && risk !== 'medium' && risk !== 'high') add(`subjects[${i}].risk`, 'must be low, medium or high');
    }
  }
  for (const [name, pool] of [
    ['inspectors', input.inspectors],
    ['experts', input.experts],
  ] as const) {
    if (!Array.isArray(pool)) {
      add(name, 'must be a list');
      continue;
    }
    const ids = new Set<string>();
    pool.forEach((m, i) => {
      if (typeof m?.id !== 'string' || !m.id) add(`${name}[${i}].id`, 'must be a non-empty string');
      else if (ids.has(m.id)) add(`${name}[${i}].id`, `repeats ${m.id}`);
      else ids.add(m.id);
      if (name === 'inspectors' && (typeof m?.departmentCode !== 'string' || !m.departmentCode))
        add(`${name}[${i}].departmentCode`, 'must name the department');
      if (!Array.isArray(m?.conflictsWith) || m.conflictsWith.some((u) => typeof u !== 'string'))
        add(`${name}[${i}].conflictsWith`, 'must be a list of 统一社会信用代码');
    });
  }
  if (problems.length) throw new DrawInputError(problems);
}

/**
 * Subjects listed more than once. Equal USCCs have equal u, so only subjects whose u equals
 * another's (found in the ascending runs of the same numbers) are compared as strings.
 */
function repeatedSubjects(subjects: readonly DrawSubject[], uniforms: Uniforms): { field: string; rule: string }[] {
  const shared = sharedValues(uniforms.sortedRuns);
  if (!shared.size) return [];
  const us = uniforms.us;
  const first = new Map<string, number>();
  const problems: { field: string; rule: string }[] = [];
  subjects.forEach((s, i) => {
    if (!shared.has(us[i])) return;
    const earlier = first.get(s.uscc);
    if (earlier === undefined) first.set(s.uscc, i);
    else if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ field: `subjects[${i}].uscc`, rule: `repeats subjects[${earlier}] (${s.uscc})` });
  });
  return problems;
}

/** The values that occur more than once across ascending runs, by merging them. */
function sharedValues(runs: readonly Float64Array[]): Set<number> {
  const shared = new Set<number>();
  const at = runs.map(() => 0);
  let previous = NaN;
  for (;;) {
    let next = -1;
    for (let r = 0; r < runs.length; r++) if (at[r] < runs[r].length && (next < 0 || runs[r][at[r]] < runs[next][at[next]])) next = r;
    if (next < 0) return shared;
    const value = runs[next][at[next]++];
    if (value === previous) shared.add(value);
    previous = value;
  }
}

/** p_i = min(1, baseRatio × gradeWeight × riskWeight), multiplied in that order in IEEE-754 double precision. */
export function inclusionProbability(
  subject: Pick<DrawSubject, 'grade' | 'risk'>,
  input: Pick<DrawInput, 'baseRatio' | 'gradeWeights' | 'riskWeights'>,
): number {
  const p = input.baseRatio * input.gradeWeights[subject.grade ?? 'ungraded'] * input.riskWeights[subject.risk];
  return p < 1 ? p : 1;
}

/** Lexicographic order of plain ASCII strings (what `sort` does by UTF-16 code units), stated so any language reproduces it. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Draws `count` members from the eligible ones (given sorted by id): a partial Fisher–Yates
 * shuffle whose j-th step takes u_j = U(seed, `${label}|${j}`) (here `us[at + j]`, worked out
 * beforehand) and swaps position j with j + floor(u_j × (n − j)). Returns the first `count`
 * (fewer when fewer are eligible).
 */
function drawMembers(us: Float64Array, at: number, sortedEligible: readonly string[], count: number): string[] {
  const n = sortedEligible.length;
  const take = Math.min(count, n);
  // a step swaps positions j and k ≥ j and never reads j again: only the ids moved to a k are
  // kept aside, rather than copying a pool of hundreds for every check of a hundred thousand visits
  const moved = new Map<number, string>();
  const drawn: string[] = [];
  for (let j = 0; j < take; j++) {
    const k = j + Math.floor(us[at + j] * (n - j));
    drawn.push(moved.get(k) ?? sortedEligible[k]);
    moved.set(k, moved.get(j) ?? sortedEligible[j]);
  }
  return drawn;
}

/** Pool members' ids sorted, and for each subject the ids conflicted with it (回避), so a visit's eligible list costs little. */
function indexPool(members: readonly DrawPoolMember[]): { sortedIds: string[]; conflictedBySubject: Map<string, Set<string>> } {
  const conflictedBySubject = new Map<string, Set<string>>();
  for (const m of members)
    for (const uscc of m.conflictsWith) {
      const set = conflictedBySubject.get(uscc);
      if (set) set.add(m.id);
      else conflictedBySubject.set(uscc, new Set([m.id]));
    }
  return { sortedIds: members.map((m) => m.id).sort(byText), conflictedBySubject };
}

function eligibleFor(uscc: string, pool: ReturnType<typeof indexPool>): string[] {
  const conflicted = pool.conflictedBySubject.get(uscc);
  return conflicted ? pool.sortedIds.filter((id) => !conflicted.has(id)) : pool.sortedIds;
}

/**
 * The draw. Subjects: Poisson sampling — subject i is included iff u_i < p_i with
 * u_i = U(seed, uscc_i), independently of every other subject, so P(included) = p_i exactly and
 * the sample size is random with mean Σ p_i. Teams: for every included subject (in USCC order)
 * and every participating department (in the order given), `inspectorsPerCheck` of that
 * department's inspectors not conflicted with the subject, drawn with label
 * `team|<uscc>|<department>`; then `expertsPerVisit` experts not conflicted, label
 * `expert|<uscc>`. A department that cannot staff a check, or too few experts, is a shortfall.
 */
export function runDraw(input: DrawInput): DrawResult {
  checkInput(input);
  const rng = new HmacUniform(input.seed);
  const selection = selectVisits(
    input,
    uniformsHere(
      rng,
      input.subjects.map((s) => s.uscc),
    ),
  );
  return staffVisits(input, selection, uniformsHere(rng, teamLabels(input, selection.visits)).us);
}

/**
 * The same draw with the numbers worked out over worker threads (parallel-uniforms.ts): the same
 * result as runDraw, in less time on more than one core, and the caller's event loop is free
 * while the numbers are hashed.
 */
export async function runDrawInParallel(input: DrawInput, threads?: number): Promise<DrawResult> {
  // the threads boot while the inputs are checked; a bad seed is checkInput's to report
  const pool = typeof input?.seed === 'string' && SEED_PATTERN.test(input.seed) ? new UniformThreads(input.seed, threads) : null;
  try {
    // the subjects' numbers are hashed while their inputs are checked: a refused draw throws the hashing away
    const hashing = Array.isArray(input.subjects) ? pool?.onThreads(input.subjects.map((s) => s?.uscc)) : null;
    hashing?.catch(() => undefined);
    checkInput(input);
    const subjectUs = (await hashing) ?? (await pool!.uniforms(input.subjects.map((s) => s.uscc)));
    const selection = selectVisits(input, subjectUs);
    const teamUs =
      (subjectUs.packed && (await pool!.composedOnThreads(subjectUs.packed, selection.subjectIndexes, teamTemplates(input)))) ??
      (await pool!.uniforms(teamLabels(input, selection.visits))).us;
    return staffVisits(input, selection, teamUs);
  } finally {
    await pool?.close();
  }
}

interface Selection {
  /** in USCC order, not yet staffed */
  visits: DrawnVisit[];
  /** the index in input.subjects of each visit's subject */
  subjectIndexes: number[];
  expectedSize: number;
}

/** Poisson sampling: the subjects with u < p, in USCC order. */
function selectVisits(input: DrawInput, uniforms: Uniforms): Selection {
  let expectedSize = 0;
  // p depends on (grade, risk) only: looked up by index, not computed a million times
  const pTable = [...CreditGrades, null].map((g) => RiskLevels.map((r) => inclusionProbability({ grade: g, risk: r }, input)));
  const riskIndex: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
  const gradeIndexOf: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };
  const subjects = input.subjects;
  const us = uniforms.us;
  const repeated = repeatedSubjects(subjects, uniforms);
  if (repeated.length) throw new DrawInputError(repeated);
  const pOf = (s: DrawSubject) => pTable[s.grade === null ? 4 : gradeIndexOf[s.grade]][riskIndex[s.risk]];
  const subjectIndexes: number[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const p = pOf(subjects[i]);
    expectedSize += p;
    if (us[i] < p) subjectIndexes.push(i);
  }
  subjectIndexes.sort((a, b) => byText(subjects[a].uscc, subjects[b].uscc));
  const visits = subjectIndexes.map((i): DrawnVisit => {
    const s = subjects[i];
    return { uscc: s.uscc, grade: s.grade, risk: s.risk, inclusionProbability: pOf(s), u: us[i], checks: [], expertIds: [] };
  });
  return { visits, subjectIndexes, expectedSize };
}

/** teamLabels' messages as templates over the subjects' codes, for the threads to compose. */
function teamTemplates(input: DrawInput): MessageTemplate[] {
  const templates = input.departmentCodes.map((code) => ({ head: 'team|', tail: `|${code}|`, count: input.inspectorsPerCheck }));
  if (input.expertsPerVisit > 0) templates.push({ head: 'expert|', tail: '|', count: input.expertsPerVisit });
  return templates;
}

/**
 * The messages of every team draw's steps, in the order staffVisits reads them: per visit, per
 * department `team|<uscc>|<department>|<j>` for j < inspectorsPerCheck, then
 * `expert|<uscc>|<j>` for j < expertsPerVisit. A step a short pool never takes is hashed anyway:
 * its number is the same whether taken or not.
 */
function teamLabels(input: DrawInput, visits: readonly DrawnVisit[]): string[] {
  const labels: string[] = [];
  for (const visit of visits) {
    for (const departmentCode of input.departmentCodes)
      for (let j = 0; j < input.inspectorsPerCheck; j++) labels.push(`team|${visit.uscc}|${departmentCode}|${j}`);
    for (let j = 0; j < input.expertsPerVisit; j++) labels.push(`expert|${visit.uscc}|${j}`);
  }
  return labels;
}

/** Each visit's inspectors per department and its experts, with the numbers of teamLabels' messages. */
function staffVisits(input: DrawInput, { visits, expectedSize }: Selection, teamUs: Float64Array): DrawResult {
  const shortfalls: DrawShortfall[] = [];
  const departmentPools = new Map(input.departmentCodes.map((code) => [code, indexPool(input.inspectors.filter((m) => m.departmentCode === code))] as const));
  const expertPool = indexPool(input.experts);
  let at = 0;
  for (const visit of visits) {
    for (const departmentCode of input.departmentCodes) {
      const eligible = eligibleFor(visit.uscc, departmentPools.get(departmentCode)!);
      const inspectorIds = drawMembers(teamUs, at, eligible, input.inspectorsPerCheck);
      at += input.inspectorsPerCheck;
      if (inspectorIds.length < input.inspectorsPerCheck)
        shortfalls.push({ uscc: visit.uscc, role: 'inspector', departmentCode, needed: input.inspectorsPerCheck, eligible: eligible.length });
      visit.checks.push({ departmentCode, inspectorIds });
    }
    if (input.expertsPerVisit > 0) {
      const eligible = eligibleFor(visit.uscc, expertPool);
      visit.expertIds = drawMembers(teamUs, at, eligible, input.expertsPerVisit);
      at += input.expertsPerVisit;
      if (visit.expertIds.length < input.expertsPerVisit)
        shortfalls.push({ uscc: visit.uscc, role: 'expert', departmentCode: null, needed: input.expertsPerVisit, eligible: eligible.length });
    }
  }
  return {
    algorithm: DRAW_ALGORITHM,
    seedCommitment: seedCommitment(input.seed),
    population: input.subjects.length,
    // rounded so the order the subjects came in (which changes a float sum's last bits) never shows
    expectedSize: Math.round(expectedSize * 1e6) / 1e6,
    visits,
    shortfalls,
  };
}
