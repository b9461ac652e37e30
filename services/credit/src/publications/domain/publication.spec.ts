import { RuleViolation } from '@cityworks/platform';
import { missingFields, nationalShape, yuanToWanYuan } from './national-fields';
import { completeFields, publish, PublicationState, withdraw } from './publication';

const penalty = (over: Partial<PublicationState> = {}): PublicationState => ({
  id: 'p-1',
  kind: 'penalty',
  departmentCode: 'AS-ZJJ',
  uscc: '91350100M000100Y43',
  status: 'pending',
  fields: nationalShape('penalty', {
    subjectName: '鞍山市某建筑工程有限公司',
    uscc: '91350100M000100Y43',
    legalRepresentative: '张某',
    documentNumber: '鞍住建罚〔2026〕15号',
    violationType: '未取得施工许可证擅自施工',
    facts: '未取得施工许可证擅自施工',
    legalBasis: '《建筑工程施工许可管理办法》第十二条',
    category: '罚款',
    content: '处罚款',
    fineAmount: '1.2',
    decisionDate: '2026-06-01',
    publicUntil: '2027-05-31',
  }),
  decisionDate: '2026-06-01',
  dueAt: new Date('2026-06-10T15:59:59.999Z'),
  publicUntil: '2027-05-31',
  publishedAt: null,
  publishedBy: null,
  withdrawnAt: null,
  withdrawnReason: null,
  ...over,
});
const authority = { authority: '鞍山市住房和城乡建设局', authorityCode: '11210300001234567L', dataSource: '鞍山市住房和城乡建设局' };

describe('双公示 publication', () => {
  it('needs every required national field of its kind before it is published', () => {
    expect(missingFields('penalty', penalty().fields)).toEqual(['authority', 'authorityCode', 'dataSource']);
    expect(() => publish(penalty(), 'u-1', new Date('2026-06-05T00:00:00Z'))).toThrow(/lacks authority, authorityCode, dataSource/);
    const { state } = completeFields(penalty(), authority);
    const made = publish(state, 'u-1', new Date('2026-06-05T00:00:00Z'));
    expect(made.state).toMatchObject({ status: 'published', publishedBy: 'u-1' });
    expect(made.transition.after).toMatchObject({ onTime: true, publicUntil: '2027-05-31' });
    // late: still published, and the audit says so
    expect(publish(state, 'u-1', new Date('2026-06-20T00:00:00Z')).transition.after).toMatchObject({ onTime: false });
    expect(() => publish(made.state, 'u-1', new Date())).toThrow(RuleViolation);
  });

  it('completes only the fields of its kind, never the subject code or the decision date, and nothing once published', () => {
    expect(() => completeFields(penalty(), { validFrom: '2026-06-01' })).toThrow(/validFrom cannot be set on a penalty publication/);
    expect(() => completeFields(penalty(), { uscc: '91350100M000100Y43' })).toThrow(/uscc cannot be set/);
    expect(() => completeFields(penalty(), { publicUntil: '2030-01-01' })).toThrow(/publicUntil cannot be set/);
    expect(completeFields(penalty(), { category: '罚款' }).transition).toBeNull();
    expect(completeFields(penalty(), { facts: '（已去标识化）' }).transition?.after).toEqual({
      changed: ['facts'],
      missing: ['authority', 'authorityCode', 'dataSource'],
    });
    const published = publish(completeFields(penalty(), authority).state, 'u', new Date()).state;
    expect(() => completeFields(published, { content: 'x' })).toThrow(/already published/);
  });

  it('keeps a permit’s validity in order', () => {
    const permit = penalty({ kind: 'permit', fields: nationalShape('permit', { uscc: '91350100M000100Y43', decisionDate: '2026-06-01' }) });
    expect(() => completeFields(permit, { validFrom: '2026-06-02', validTo: '2026-06-01' })).toThrow(/validTo 2026-06-01 is before validFrom 2026-06-02/);
    expect(Object.keys(completeFields(permit, { validFrom: '2026-06-02' }).state.fields)).toEqual([
      'subjectName',
      'uscc',
      'legalRepresentative',
      'documentNumber',
      'category',
      'content',
      'decisionDate',
      'validFrom',
      'validTo',
      'authority',
      'authorityCode',
      'dataSource',
    ]);
  });

  it('is withdrawn once when its decision is revoked, pending or published, and then neither edited nor published', () => {
    const at = new Date('2026-06-20T00:00:00Z');
    const pending = withdraw(penalty(), '撤销（告知承诺核查不实）', at);
    expect(pending?.state).toMatchObject({ status: 'withdrawn', withdrawnAt: at, withdrawnReason: '撤销（告知承诺核查不实）' });
    expect(pending?.transition.after).toEqual({ status: 'withdrawn', wasPublished: false });
    const published = publish(completeFields(penalty(), authority).state, 'u', new Date()).state;
    expect(withdraw(published, '撤销', at)?.transition.after).toEqual({ status: 'withdrawn', wasPublished: true });
    if (!pending) throw new Error('a pending publication is withdrawn');
    const withdrawn = pending.state;
    expect(withdraw(withdrawn, '撤销', at)).toBeNull();
    expect(() => publish(withdrawn, 'u', new Date())).toThrow(/was withdrawn: 撤销（告知承诺核查不实）/);
    expect(() => completeFields(withdrawn, { content: 'x' })).toThrow(/already withdrawn/);
  });

  it('gives 罚款金额 in 万元 exactly', () => {
    expect(yuanToWanYuan('12000.00')).toBe('1.2');
    expect(yuanToWanYuan('50000')).toBe('5');
    expect(yuanToWanYuan('0.01')).toBe('0.000001');
    expect(yuanToWanYuan('123456789.5')).toBe('12345.67895');
    expect(yuanToWanYuan(null)).toBeNull();
    expect(() => yuanToWanYuan('1,000')).toThrow(/not yuan/);
  });
});
