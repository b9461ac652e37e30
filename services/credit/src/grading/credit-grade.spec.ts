import { gradeCredit, GradableRecord, isActive } from './credit-grade';

const ASOF = '2026-06-15';

function bad(severity: 'minor' | 'serious' | 'severe', over: Partial<GradableRecord> = {}): GradableRecord {
  return { kind: 'bad', severity, sourceType: 'supervision', decidedOn: '2026-01-10', expiresOn: '2027-01-09', repaired: false, ...over };
}
function good(over: Partial<GradableRecord> = {}): GradableRecord {
  return { kind: 'good', severity: null, sourceType: 'approval', decidedOn: '2026-01-10', expiresOn: '2027-01-09', repaired: false, ...over };
}
const times = (n: number, make: () => GradableRecord) => Array.from({ length: n }, make);

describe('gradeCredit (信用分级)', () => {
  it.each([
    { label: 'no records at all: unknown is not good', records: [], grade: 'B' },
    { label: 'one 守信 record', records: [good()], grade: 'A' },
    { label: 'one 一般 失信', records: [bad('minor')], grade: 'B' },
    { label: 'two 一般 失信', records: times(2, () => bad('minor')), grade: 'B' },
    { label: 'three 一般 失信', records: times(3, () => bad('minor')), grade: 'C' },
    { label: 'one 较重 失信', records: [bad('serious')], grade: 'C' },
    { label: 'two 较重 失信', records: times(2, () => bad('serious')), grade: 'C' },
    { label: 'three 较重 失信', records: times(3, () => bad('serious')), grade: 'D' },
    { label: 'one 严重 失信', records: [bad('severe')], grade: 'D' },
    { label: '守信 records do not offset a 失信 one', records: [...times(5, () => good()), bad('minor')], grade: 'B' },
    { label: '守信 records do not offset a 严重 one', records: [...times(5, () => good()), bad('severe')], grade: 'D' },
  ] as { label: string; records: GradableRecord[]; grade: string }[])('$label → $grade', ({ records, grade }) => {
    expect(gradeCredit(records, ASOF).grade).toBe(grade);
  });

  it('ignores expired, repaired and not-yet-decided records', () => {
    const records = [bad('severe', { expiresOn: '2026-06-14' }), bad('severe', { repaired: true }), bad('severe', { decidedOn: '2026-06-16' }), good()];
    expect(gradeCredit(records, ASOF)).toMatchObject({ grade: 'A', activeGoodRecords: 1, activeBadRecords: { minor: 0, serious: 0, severe: 0 } });
  });

  it('counts a record on its decision day and on its last valid day', () => {
    expect(gradeCredit([bad('severe', { decidedOn: ASOF })], ASOF).grade).toBe('D');
    expect(gradeCredit([bad('severe', { expiresOn: ASOF })], ASOF).grade).toBe('D');
  });

  it('sets the flags approvals and inspections act on', () => {
    expect(gradeCredit([good()], ASOF)).toMatchObject({ greenChannel: true, enhancedSupervision: false, jointPunishment: false });
    expect(gradeCredit([], ASOF)).toMatchObject({ greenChannel: false, enhancedSupervision: false, jointPunishment: false });
    expect(gradeCredit([bad('serious')], ASOF)).toMatchObject({ greenChannel: false, enhancedSupervision: true, jointPunishment: false });
    expect(gradeCredit([bad('severe')], ASOF)).toMatchObject({ greenChannel: false, enhancedSupervision: true, jointPunishment: true });
  });

  it('reports the active counts by severity', () => {
    const records = [bad('minor'), bad('minor'), bad('serious'), good(), good(), bad('severe', { expiresOn: '2026-01-31' })];
    expect(gradeCredit(records, ASOF)).toMatchObject({ activeGoodRecords: 2, activeBadRecords: { minor: 2, serious: 1, severe: 0 } });
  });
});

describe('isActive', () => {
  it('is false the day after the last valid day', () => {
    expect(isActive(bad('minor', { expiresOn: '2026-06-14' }), ASOF)).toBe(false);
  });
});
