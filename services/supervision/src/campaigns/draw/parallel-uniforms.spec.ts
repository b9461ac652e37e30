import { createHash } from 'node:crypto';
import { usccCheckCharacter } from '@cityworks/platform';
import { CreditGrades, DEFAULT_GRADE_WEIGHTS, DEFAULT_RISK_WEIGHTS, DrawGrade, DrawInput, DrawSubject, RiskLevels, runDraw, runDrawInParallel } from './draw';
import { HmacUniform } from './hmac-uniform';
import { PARALLEL_FROM_MESSAGES, UniformThreads, uniformsHere } from './parallel-uniforms';

// Real worker threads (the TypeScript worker compiled by swc in the thread, as under scripts/verify-draw.js).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const seed = createHash('sha256').update('parallel').digest('hex');

function usccs(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    let tail = '';
    for (let k = i, j = 0; j < 9; j++, k = Math.floor(k / 31)) tail = ALPHABET[k % 31] + tail;
    const body = '91210302' + tail;
    return body + usccCheckCharacter(body);
  });
}

const isAscending = (run: Float64Array) => run.every((u, i) => i === 0 || run[i - 1] <= u);

describe('UniformThreads', () => {
  const messages = usccs(PARALLEL_FROM_MESSAGES + 5_001);
  let threads: UniformThreads;
  beforeAll(() => (threads = new UniformThreads(seed, 3)));
  afterAll(() => threads.close());

  it('gives every message the same u as the calling thread, and each thread’s slice sorted', async () => {
    const here = uniformsHere(new HmacUniform(seed), messages);
    const parallel = await threads.uniforms(messages);
    expect(parallel.us).toEqual(here.us);
    expect(parallel.sortedRuns).toHaveLength(3);
    expect(parallel.sortedRuns.every(isAscending)).toBe(true);
    const merged = Float64Array.from(parallel.sortedRuns.flatMap((run) => [...run])).sort();
    expect(merged).toEqual(here.sortedRuns[0]);
  });

  it('serves several batches with the same threads', async () => {
    const labels = messages.map((m, i) => `team|${m}|AS-ZJJ|${i % 3}`);
    const first = await threads.uniforms(labels);
    const second = await threads.uniforms(messages);
    expect(first.us).toEqual(uniformsHere(new HmacUniform(seed), labels).us);
    expect(second.us).toEqual(uniformsHere(new HmacUniform(seed), messages).us);
  });

  it('composes messages from packed ones on the threads: the same u as the strings hashed here, in the same order', async () => {
    const { packed } = await threads.uniforms(messages);
    const picks = [5, 0, 25_000, 17, 3];
    const templates = [
      { head: 'team|', tail: '|AS-ZJJ|', count: 2 },
      { head: 'team|', tail: '|AS-SCJGJ|', count: 12 },
      { head: 'expert|', tail: '|', count: 1 },
    ];
    const many = Array.from({ length: 2_000 }, (_, i) => picks[i % picks.length]);
    const composed = await threads.composedOnThreads(packed!, many, templates);
    const strings = many.flatMap((pick) => templates.flatMap((t) => Array.from({ length: t.count }, (_, j) => `${t.head}${messages[pick]}${t.tail}${j}`)));
    expect(composed).toEqual(uniformsHere(new HmacUniform(seed), strings).us);
    // too few, too long or not ASCII: left to the caller
    expect(threads.composedOnThreads(packed!, picks, templates)).toBeNull();
    expect(threads.composedOnThreads(packed!, many, [{ head: 'team|', tail: `|${'X'.repeat(40)}|`, count: 2 }])).toBeNull();
    expect(threads.composedOnThreads(packed!, many, [{ head: 'team|', tail: '|审批局|', count: 2 }])).toBeNull();
  });

  it('hashes on the calling thread, with the same numbers, a batch with a message off the fast path or too small to split', async () => {
    const odd = [...messages];
    odd[7] = '统一社会信用代码';
    odd[9] = 'x'.repeat(80);
    const offPath = await threads.uniforms(odd);
    expect(offPath.sortedRuns).toHaveLength(1);
    expect(offPath.us).toEqual(uniformsHere(new HmacUniform(seed), odd).us);
    const small = await threads.uniforms(messages.slice(0, 100));
    expect(small.sortedRuns).toHaveLength(1);
    expect(small.us).toEqual(uniformsHere(new HmacUniform(seed), messages.slice(0, 100)).us);
  });
});

describe('runDrawInParallel', () => {
  const codes = usccs(PARALLEL_FROM_MESSAGES * 2);
  const subjects: DrawSubject[] = codes.map((uscc, i) => ({ uscc, grade: i % 5 === 4 ? null : (CreditGrades[i % 4] as DrawGrade), risk: RiskLevels[i % 3] }));
  const input = (overrides: Partial<DrawInput> = {}): DrawInput => ({
    seed,
    baseRatio: 0.2,
    gradeWeights: { ...DEFAULT_GRADE_WEIGHTS },
    riskWeights: { ...DEFAULT_RISK_WEIGHTS },
    subjects,
    departmentCodes: ['AS-ZJJ', 'AS-SCJGJ'],
    inspectorsPerCheck: 2,
    expertsPerVisit: 1,
    // a short department and conflicts, so shortfalls and 回避 are part of what must match
    inspectors: [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `ZJ-${i}`, departmentCode: 'AS-ZJJ', conflictsWith: codes.slice(i * 50, i * 50 + 40) })),
      { id: 'SC-0', departmentCode: 'AS-SCJGJ', conflictsWith: [] },
    ],
    experts: Array.from({ length: 3 }, (_, i) => ({ id: `ZJ-EXP-${i}`, departmentCode: null, conflictsWith: codes.slice(i * 7, i * 7 + 3) })),
    ...overrides,
  });

  it('draws exactly what runDraw draws: the same visits, teams, experts and shortfalls', async () => {
    const expected = runDraw(input());
    const drawn = await runDrawInParallel(input(), 2);
    expect(drawn).toEqual(expected);
    // enough team steps (2 departments × 2 + 1 expert per visit) for the threads to compose them
    expect(drawn.visits.length * 5).toBeGreaterThanOrEqual(PARALLEL_FROM_MESSAGES);
    expect(drawn.visits.length).toBeGreaterThan(PARALLEL_FROM_MESSAGES / 20);
    expect(drawn.shortfalls.some((s) => s.departmentCode === 'AS-SCJGJ')).toBe(true);
  });

  it('finds a subject listed twice when the two copies fall to different threads', async () => {
    const twice = [...subjects, { ...subjects[3], grade: 'D' as const }];
    await expect(runDrawInParallel(input({ subjects: twice }), 2)).rejects.toThrow(
      `subjects[${subjects.length}].uscc: repeats subjects[3] (${subjects[3].uscc})`,
    );
  });

  it('reports bad inputs by field as runDraw does, with a good seed (threads started) or a bad one', async () => {
    await expect(runDrawInParallel(input({ baseRatio: 2 }), 2)).rejects.toThrow('baseRatio: must be a number greater than 0 and at most 1');
    const bad = input({ seed: 'not-hex', baseRatio: 2 });
    await expect(runDrawInParallel(bad, 2)).rejects.toThrow(
      'seed: must be 64 lowercase hex characters; baseRatio: must be a number greater than 0 and at most 1',
    );
  });
});
