import { createHash, createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckCharacter } from '@cityworks/platform';
import {
  CreditGrades,
  DEFAULT_GRADE_WEIGHTS,
  DEFAULT_RISK_WEIGHTS,
  DrawGrade,
  DrawInput,
  DrawInputError,
  DrawSubject,
  inclusionProbability,
  RiskLevels,
  runDraw,
} from './draw';
import { HmacUniform, hmacUniformReference, seedCommitment } from './hmac-uniform';
import { verifyPublishedDraw, PublishedDraw } from './verify';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const seedOf = (label: string) => createHash('sha256').update(label).digest('hex');

/** n distinct valid USCCs, the same every run */
function usccs(n: number, prefix = '91210302'): string[] {
  return Array.from({ length: n }, (_, i) => {
    let tail = '';
    for (let k = i, j = 0; j < 9; j++, k = Math.floor(k / 31)) tail = ALPHABET[k % 31] + tail;
    const body = prefix + tail;
    return body + usccCheckCharacter(body);
  });
}

function input(subjects: DrawSubject[], overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    seed: seedOf('campaign'),
    baseRatio: 0.1,
    gradeWeights: { ...DEFAULT_GRADE_WEIGHTS },
    riskWeights: { ...DEFAULT_RISK_WEIGHTS },
    subjects,
    departmentCodes: ['AS-ZJJ'],
    inspectorsPerCheck: 2,
    expertsPerVisit: 0,
    inspectors: ['ZF-1', 'ZF-2', 'ZF-3', 'ZF-4'].map((id) => ({ id, departmentCode: 'AS-ZJJ', conflictsWith: [] })),
    experts: [],
    ...overrides,
  };
}

describe('the random numbers: HMAC-SHA256(seed, message), first 48 bits', () => {
  it('the fast path equals node’s HMAC for short, 55-, 56-byte and non-ASCII messages', () => {
    const seed = seedOf('hmac');
    const rng = new HmacUniform(seed);
    for (const message of ['', 'x', ...usccs(50), 'team|91210302MA0000000X|AS-ZJJ|1', 'a'.repeat(55), 'a'.repeat(56), '中文企业'])
      expect(rng.of(message)).toBe(hmacUniformReference(seed, message));
  });

  it('is the first 12 hex digits of the HMAC over 2^48, which anyone can recompute with openssl', () => {
    const seed = seedOf('openssl');
    // the commitment is plain SHA-256 of the seed's 64 characters
    expect(seedCommitment(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
    const hex = createHmac('sha256', seed).update('91210302MA0000000X').digest('hex');
    expect(new HmacUniform(seed).of('91210302MA0000000X')).toBe(parseInt(hex.slice(0, 12), 16) / 2 ** 48);
  });

  it('refuses a seed that is not 64 lowercase hex characters', () => {
    expect(() => new HmacUniform('ABC')).toThrow(/64 lowercase hex/);
  });
});

describe('runDraw', () => {
  const population = usccs(400).map((uscc, i) => ({ uscc, grade: CreditGrades[i % 4] as DrawGrade, risk: RiskLevels[i % 3] }));

  it('gives the same list for the same inputs and seed, whatever order the subjects and pools come in', () => {
    const first = runDraw(input(population));
    const shuffled = [...population].reverse();
    const again = runDraw(input(shuffled, { inspectors: input(population).inspectors.reverse() }));
    expect(again).toEqual(first);
    expect(first.visits.length).toBeGreaterThan(0);
    expect(first.visits.map((v) => v.uscc)).toEqual([...first.visits.map((v) => v.uscc)].sort());
  });

  it('gives another list for another seed', () => {
    expect(runDraw(input(population, { seed: seedOf('other') })).visits.map((v) => v.uscc)).not.toEqual(runDraw(input(population)).visits.map((v) => v.uscc));
  });

  it('includes a subject exactly when its u is below p = min(1, base × grade weight × risk weight)', () => {
    const draw = runDraw(input(population));
    const rng = new HmacUniform(seedOf('campaign'));
    const drawn = new Set(draw.visits.map((v) => v.uscc));
    for (const s of population) {
      const p = Math.min(1, 0.1 * DEFAULT_GRADE_WEIGHTS[s.grade!] * DEFAULT_RISK_WEIGHTS[s.risk]);
      expect(drawn.has(s.uscc)).toBe(rng.of(s.uscc) < p);
    }
    expect(inclusionProbability({ grade: 'D', risk: 'high' }, { baseRatio: 0.2, gradeWeights: DEFAULT_GRADE_WEIGHTS, riskWeights: DEFAULT_RISK_WEIGHTS })).toBe(
      1,
    );
    expect(draw.expectedSize).toBeCloseTo(
      population.reduce((sum, s) => sum + Math.min(1, 0.1 * DEFAULT_GRADE_WEIGHTS[s.grade!] * DEFAULT_RISK_WEIGHTS[s.risk]), 0),
      6,
    );
  });

  /**
   * Over R = 300 fixed seeds and 15 classes (5 grade states × 3 risk levels, 100 subjects each,
   * base 0.05 so p runs from 0.0125 to 0.4), each class's inclusions are Binomial(100·R, p_c)
   * under the algorithm's claim. Bound per class: |rate − p_c| ≤ 4·sqrt(p_c(1−p_c)/(100·R)) (4
   * standard deviations; chance of one of 15 classes passing it by luck under the claim < 0.1 %).
   * Together: Σ (X_c − E_c)² / (E_c(1 − p_c)) is χ² with 15 degrees of freedom, below its 0.999
   * quantile 37.70.
   */
  it('includes each class of subject at its weighted rate over many draws (per-class 4 SD and χ² bounds)', () => {
    const classes = [...CreditGrades, null].flatMap((grade) => RiskLevels.map((risk) => ({ grade, risk })));
    const subjects = classes.flatMap((c, k) => usccs(100, `9121${String(k).padStart(2, '0')}02`).map((uscc) => ({ uscc, ...c })));
    const R = 300;
    const counts = new Map<string, number>();
    for (let r = 0; r < R; r++) {
      for (const v of runDraw(input(subjects, { baseRatio: 0.05, seed: seedOf(`statistics-${r}`), inspectors: [], departmentCodes: ['AS-ZJJ'] })).visits) {
        const key = `${v.grade}|${v.risk}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    let chiSquare = 0;
    for (const c of classes) {
      const p = inclusionProbability(c, { baseRatio: 0.05, gradeWeights: DEFAULT_GRADE_WEIGHTS, riskWeights: DEFAULT_RISK_WEIGHTS });
      const trials = 100 * R;
      const observed = counts.get(`${c.grade}|${c.risk}`) ?? 0;
      const sd = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(observed / trials - p)).toBeLessThanOrEqual(4 * sd);
      chiSquare += (observed - trials * p) ** 2 / (trials * p * (1 - p));
    }
    expect(chiSquare).toBeLessThan(37.7);
    // and the weights show: a D high-risk subject is drawn far more often than an A low-risk one
    expect(counts.get('D|high')!).toBeGreaterThan(10 * counts.get('A|low')!);
  });

  it('never draws an inspector conflicted with the subject (回避), and still draws them for other subjects', () => {
    const subjects = usccs(60).map((uscc) => ({ uscc, grade: 'D' as const, risk: 'high' as const }));
    const conflictedWith = subjects.slice(0, 30).map((s) => s.uscc);
    const inspectors = [
      { id: 'ZF-1', departmentCode: 'AS-ZJJ', conflictsWith: conflictedWith },
      { id: 'ZF-2', departmentCode: 'AS-ZJJ', conflictsWith: [] },
      { id: 'ZF-3', departmentCode: 'AS-ZJJ', conflictsWith: [] },
    ];
    let drawnElsewhere = 0;
    for (let r = 0; r < 50; r++) {
      const draw = runDraw(input(subjects, { baseRatio: 0.5, inspectors, seed: seedOf(`conflict-${r}`) }));
      expect(draw.visits).toHaveLength(60);
      for (const v of draw.visits) {
        const team = v.checks[0].inspectorIds;
        expect(team).toHaveLength(2);
        if (conflictedWith.includes(v.uscc)) expect(team).not.toContain('ZF-1');
        else if (team.includes('ZF-1')) drawnElsewhere++;
      }
      expect(draw.shortfalls).toEqual([]);
    }
    expect(drawnElsewhere).toBeGreaterThan(0);
  });

  it('records a shortfall when a department cannot staff a check or experts run out, rather than skipping it', () => {
    const [a, b] = usccs(2);
    const draw = runDraw(
      input(
        [
          { uscc: a, grade: 'D', risk: 'high' },
          { uscc: b, grade: 'D', risk: 'high' },
        ],
        {
          baseRatio: 1,
          inspectors: [
            { id: 'ZF-1', departmentCode: 'AS-ZJJ', conflictsWith: [a] },
            { id: 'ZF-2', departmentCode: 'AS-ZJJ', conflictsWith: [] },
          ],
          expertsPerVisit: 1,
          experts: [{ id: 'ZJ-1', departmentCode: null, conflictsWith: [b] }],
        },
      ),
    );
    expect(draw.visits.find((v) => v.uscc === a)!.checks[0].inspectorIds).toEqual(['ZF-2']);
    expect(draw.shortfalls).toEqual([
      { uscc: a, role: 'inspector', departmentCode: 'AS-ZJJ', needed: 2, eligible: 1 },
      { uscc: b, role: 'expert', departmentCode: null, needed: 1, eligible: 0 },
    ]);
  });

  it('gives every participating department a check slot with its own inspectors at one visit (部门联合抽查)', () => {
    const draw = runDraw(
      input(population.slice(0, 50), {
        baseRatio: 1,
        departmentCodes: ['AS-ZJJ', 'AS-SCJG'],
        inspectorsPerCheck: 1,
        inspectors: [
          { id: 'ZF-1', departmentCode: 'AS-ZJJ', conflictsWith: [] },
          { id: 'SC-1', departmentCode: 'AS-SCJG', conflictsWith: [] },
          { id: 'SC-2', departmentCode: 'AS-SCJG', conflictsWith: [] },
        ],
      }),
    );
    for (const v of draw.visits) {
      expect(v.checks.map((c) => c.departmentCode)).toEqual(['AS-ZJJ', 'AS-SCJG']);
      expect(v.checks[0].inspectorIds).toEqual(['ZF-1']);
      expect(['SC-1', 'SC-2']).toContain(v.checks[1].inspectorIds[0]);
    }
  });

  it('lists every bad input by field', () => {
    const [a] = usccs(1);
    let error: DrawInputError | undefined;
    try {
      runDraw(
        input(
          [
            { uscc: a, grade: 'B', risk: 'low' },
            { uscc: 'not-a-uscc', grade: 'E' as DrawGrade, risk: 'low' },
          ],
          { seed: 'short', baseRatio: 1.5, riskWeights: { low: -1, medium: 1, high: 2 } },
        ),
      );
    } catch (e) {
      error = e as DrawInputError;
    }
    expect(error).toBeInstanceOf(DrawInputError);
    expect(error!.problems.map((p) => p.field)).toEqual(['seed', 'baseRatio', 'riskWeights.low', 'subjects[1].uscc', 'subjects[1].grade']);
  });

  it('refuses a subject listed twice', () => {
    const [a, b] = usccs(2);
    expect(() =>
      runDraw(
        input([
          { uscc: a, grade: 'B', risk: 'low' },
          { uscc: b, grade: 'B', risk: 'low' },
          { uscc: a, grade: 'C', risk: 'low' },
        ]),
      ),
    ).toThrow(`subjects[2].uscc: repeats subjects[0] (${a})`);
  });
});

describe('verifying a published draw', () => {
  const subjects = usccs(200).map((uscc, i) => ({ uscc, grade: CreditGrades[i % 4] as DrawGrade, risk: RiskLevels[i % 3] }));
  const published = (): PublishedDraw => {
    const base = input(subjects, { seed: seedOf('published') });
    return {
      ...base,
      algorithm: 'cityworks-draw-v1',
      campaignId: 'c-1',
      seedCommitment: seedCommitment(base.seed),
      drawnUsccs: runDraw(base).visits.map((v) => v.uscc),
    };
  };

  it('says whether SHA-256(seed) matches the commitment and the published list matches the re-run', () => {
    const ok = verifyPublishedDraw(published());
    expect([ok.commitmentMatches, ok.listMatches]).toEqual([true, true]);
    const tampered = verifyPublishedDraw({ ...published(), seedCommitment: seedOf('another seed') });
    expect(tampered.commitmentMatches).toBe(false);
    const doctored = verifyPublishedDraw({ ...published(), drawnUsccs: published().drawnUsccs!.slice(1) });
    expect(doctored.listMatches).toBe(false);
  });

  it('scripts/verify-draw.js prints the same result as the module and exits 0, or 1 when the commitment does not match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-draw-'));
    const file = join(dir, 'published.json');
    writeFileSync(file, JSON.stringify(published()));
    const script = join(__dirname, '../../../../../scripts/verify-draw.js');
    const out = execFileSync(process.execPath, [script, file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(verifyPublishedDraw(published()))));
    const text = execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(text).toContain('seed commitment: matches');
    expect(text).toContain(published().drawnUsccs![0]);
    writeFileSync(file, JSON.stringify({ ...published(), seedCommitment: seedOf('x') }));
    let status = 0;
    try {
      execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});
