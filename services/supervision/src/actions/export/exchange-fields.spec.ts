import { randomUscc } from '@cityworks/testing';
import { CHECK_FIELDS, chinaInstant, exchangeViolations, PENALTY_FIELDS } from './exchange-fields';

/** The exchange's field rules, on records written by hand. */
describe('exchange field rules', () => {
  const check = (overrides: Record<string, string> = {}) => ({
    actionId: 'a-1',
    planId: '',
    supervisionItemCode: 'JG-JZSG-001',
    implementingDepartment: 'AS-ZJJ',
    subjectName: '某公司',
    subjectUscc: randomUscc(),
    regionCode: '210302',
    checkForm: '现场检查',
    checkMethod: '日常检查',
    checkResult: '未发现问题',
    findings: '',
    checkTime: '2026-11-20T10:00:00+08:00',
    inspectors: '王强；李明',
    certificateNumbers: '21030219001；21030219002',
    reportTime: '2026-11-21T09:00:00+08:00',
    reportedLate: '否',
    ...overrides,
  });
  const penalty = (overrides: Record<string, string> = {}) => ({
    actionId: 'p-1',
    documentNumber: '鞍住建罚〔2026〕1号',
    subjectName: '某公司',
    subjectUscc: randomUscc(),
    legalRepresentative: '',
    supervisionItemCode: 'JG-JZSG-001',
    implementingDepartment: 'AS-ZJJ',
    regionCode: '210302',
    violationType: '未取得施工许可证擅自施工',
    facts: '擅自施工',
    legalBasis: '第十二条',
    category: '警告、罚款',
    content: '警告并罚款',
    fineAmount: '20000.00',
    decisionDate: '2026-11-20',
    validUntil: '2029-11-20',
    reportTime: '2026-11-20T15:00:00+08:00',
    reportedLate: '否',
    ...overrides,
  });

  it('passes a complete record', () => {
    expect(exchangeViolations('check', check())).toEqual([]);
    expect(exchangeViolations('penalty', penalty())).toEqual([]);
  });

  it('refuses a USCC with a wrong check character', () => {
    const uscc = randomUscc();
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect(exchangeViolations('check', check({ subjectUscc: wrong }))).toEqual(['subjectUscc (统一社会信用代码) has a wrong check character or form']);
    expect(exchangeViolations('penalty', penalty({ subjectUscc: wrong }))).toHaveLength(1);
  });

  it('refuses a report before the check or the decision day', () => {
    expect(exchangeViolations('check', check({ reportTime: '2026-11-20T09:59:59+08:00' }))).toEqual(['reportTime (上报时间) is before checkTime (检查时间)']);
    expect(exchangeViolations('penalty', penalty({ reportTime: '2026-11-19T23:59:59+08:00' }))).toEqual([
      'reportTime (上报时间) is before decisionDate (处罚决定日期)',
    ]);
  });

  it('refuses missing required fields, an inspector without a certificate, a fine without 罚款', () => {
    for (const f of CHECK_FIELDS.filter((f) => f.required))
      expect(exchangeViolations('check', check({ [f.key]: '' }))).toContain(`${f.key} (${f.label}) is required`);
    for (const f of PENALTY_FIELDS.filter((f) => f.required))
      expect(exchangeViolations('penalty', penalty({ [f.key]: '' }))).toContain(`${f.key} (${f.label}) is required`);
    expect(exchangeViolations('check', check({ certificateNumbers: '21030219001' }))).toEqual([
      'every inspector (执法人员) needs a certificate number (执法证号)',
    ]);
    expect(exchangeViolations('penalty', penalty({ category: '警告' }))).toEqual(['fineAmount (罚款金额) goes with the category 罚款, and only with it']);
    expect(exchangeViolations('penalty', penalty({ fineAmount: '2e4' }))).toContain('fineAmount (罚款金额) must be yuan with at most two decimals');
  });

  it('writes instants in China time with the offset', () => {
    expect(chinaInstant(new Date('2026-11-30T17:30:05.123Z'))).toBe('2026-12-01T01:30:05+08:00');
  });
});
