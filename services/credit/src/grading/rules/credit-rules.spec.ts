import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCredit, GradableRecord } from '../credit-grade';
import { decayFactor, DEFAULT_CREDIT_RULES } from './credit-rules';
import { readCreditRules } from './credit-rules.config';
import { parseCreditRules } from './parse-credit-rules';

const ASOF = '2026-06-15';
const bad = (severity: 'minor' | 'serious' | 'severe', over: Partial<GradableRecord> = {}): GradableRecord => ({
  kind: 'bad',
  severity,
  sourceType: 'supervision',
  decidedOn: '2026-01-10',
  expiresOn: '2028-01-09',
  repaired: false,
  ...over,
});
const good = (): GradableRecord => ({
  kind: 'good',
  severity: null,
  sourceType: 'commitment',
  decidedOn: '2026-01-10',
  expiresOn: '2027-01-09',
  repaired: false,
});

describe('credit rule set (信用分级规则)', () => {
  it('by default grades as before the rules were configurable', () => {
    expect(parseCreditRules({})).toEqual(DEFAULT_CREDIT_RULES);
    // minor records alone never reach D, however many
    expect(
      gradeCredit(
        Array.from({ length: 20 }, () => bad('minor')),
        ASOF,
      ).grade,
    ).toBe('C');
    expect(gradeCredit([bad('minor'), bad('minor'), bad('serious'), bad('serious')], ASOF).grade).toBe('C');
  });

  it('weighs records by their source', () => {
    const rules = parseCreditRules({ sourceWeights: { complaint: 0.5 } });
    const fromComplaints = Array.from({ length: 3 }, () => bad('minor', { sourceType: 'complaint' }));
    // three upheld complaints weigh 1.5 一般: still B; three penalties would be C
    expect(gradeCredit(fromComplaints, ASOF, rules).grade).toBe('B');
    expect(gradeCredit([...fromComplaints, ...Array.from({ length: 3 }, () => bad('minor', { sourceType: 'complaint' }))], ASOF, rules).grade).toBe('C');
    // a source weighted 0 makes no grade worse
    expect(gradeCredit([bad('severe', { sourceType: 'approval' })], ASOF, parseCreditRules({ sourceWeights: { approval: 0 } })).grade).toBe('B');
  });

  it('lets 失信 weigh less with age', () => {
    const rules = parseCreditRules({
      decay: [
        { afterMonths: 12, factor: 0.5 },
        { afterMonths: 24, factor: 0.25 },
      ],
    });
    expect(decayFactor(rules, '2026-01-10', '2027-01-09')).toBe(1);
    expect(decayFactor(rules, '2026-01-10', '2027-01-10')).toBe(0.5);
    expect(decayFactor(rules, '2026-01-10', '2028-01-10')).toBe(0.25);
    const old = Array.from({ length: 3 }, () => bad('serious', { decidedOn: '2025-05-01' }));
    // three 较重 older than a year weigh 1.5: C, not D
    expect(gradeCredit(old, ASOF, rules).grade).toBe('C');
    expect(gradeCredit(old, ASOF).grade).toBe('D');
  });

  it('sets the joint-punishment grade and the 守信 needed for A', () => {
    expect(gradeCredit([bad('serious')], ASOF, parseCreditRules({ jointPunishmentGrade: 'C' })).jointPunishment).toBe(true);
    expect(gradeCredit([good()], ASOF, parseCreditRules({ goodForA: 2 })).grade).toBe('B');
  });

  it.each([
    [{ thresholds: { D: { minor: 0 } } }, 'thresholds.D.minor must be a number from 0.01 to 1000, got 0'],
    [{ thresholds: { D: { serious: 1 }, C: { serious: 2 } } }, 'thresholds for serious must not fall from B to C to D'],
    [{ thresholds: { E: {} } }, 'thresholds has unknown keys E'],
    [{ sourceWeights: { penalty: 1 } }, 'sourceWeights has unknown keys penalty'],
    [
      {
        decay: [
          { afterMonths: 12, factor: 0.5 },
          { afterMonths: 24, factor: 0.8 },
        ],
      },
      'decay factor must not grow with age',
    ],
    [{ decay: { afterMonths: 12 } }, 'decay must be a list'],
    [{ jointPunishmentGrade: 'A' }, 'jointPunishmentGrade must be C or D'],
    [{ recordMonths: { severe: 0 } }, 'recordMonths.severe must be a whole number from 1 to 120'],
    [[], 'rules must be an object'],
  ])('refuses %j naming the field', (raw, message) => {
    expect(() => parseCreditRules(raw)).toThrow(message);
  });

  it('reads CREDIT_RULES_FILE at start, naming the file when it is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credit-rules-'));
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ recordMonths: { minor: 6 } }));
    expect(readCreditRules({ CREDIT_RULES_FILE: file }).recordMonths).toEqual({ good: 12, minor: 6, serious: 24, severe: 36 });
    expect(readCreditRules({})).toBe(DEFAULT_CREDIT_RULES);
    writeFileSync(file, '{ nope');
    expect(() => readCreditRules({ CREDIT_RULES_FILE: file })).toThrow(`CREDIT_RULES_FILE ${file} cannot be read as JSON`);
    writeFileSync(file, JSON.stringify({ goodForA: 0 }));
    expect(() => readCreditRules({ CREDIT_RULES_FILE: file })).toThrow(`CREDIT_RULES_FILE ${file}: goodForA must be a whole number from 1 to 100`);
  });
});
