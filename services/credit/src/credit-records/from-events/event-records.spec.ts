import {
  ComplaintEventTypes,
  ComplaintUpheldV1,
  IntegrationEvent,
  SupervisionCheckRecordedV1,
  SupervisionEventTypes,
  SupervisionPenaltyDecidedV1,
} from '@cityworks/contracts';
import { PermanentEventError } from '@cityworks/messaging';
import { DEFAULT_CREDIT_RULES } from '../../grading/rules/credit-rules';
import { checkRecord, penaltyRecord, upheldComplaintRecord } from './event-records';

const months = DEFAULT_CREDIT_RULES.recordMonths;
const USCC = '91350100M000100Y43';
const envelope = <T>(type: string, data: T): IntegrationEvent<T> =>
  ({ specversion: '1.0', id: 'evt-9', source: '/cityworks/x', type, time: '', subject: 's', datacontenttype: 'application/json', data }) as IntegrationEvent<T>;

export const penalty = (over: Partial<SupervisionPenaltyDecidedV1> = {}): SupervisionPenaltyDecidedV1 => ({
  actionId: 'act-1',
  documentNumber: '鞍住建罚〔2026〕15号',
  subjectUscc: USCC,
  subjectName: '鞍山市某建筑工程有限公司',
  legalRepresentative: '张某',
  supervisionItemCode: 'JG-ZJ-001',
  departmentCode: 'AS-ZJJ',
  violationType: '未取得施工许可证擅自施工',
  facts: '2026年5月起未取得施工许可证擅自施工',
  legalBasis: '《建筑工程施工许可管理办法》第十二条',
  category: '罚款',
  content: '责令停止施工，处工程合同价款1%的罚款',
  fineAmount: '12000.00',
  decisionDate: '2026-06-01',
  severity: 'serious',
  decidedAt: '2026-06-01T02:00:00.000Z',
  ...over,
});

describe('credit records from penalties, checks and complaints', () => {
  it('a penalty is a 失信 of its own severity, counted from the decision date, keyed by its 决定书文号', () => {
    expect(penaltyRecord(envelope(SupervisionEventTypes.penaltyDecided, penalty()), months)).toEqual({
      uscc: USCC,
      kind: 'bad',
      severity: 'serious',
      sourceType: 'supervision',
      sourceDepartmentCode: 'AS-ZJJ',
      sourceRef: '鞍住建罚〔2026〕15号',
      sourceEventId: 'evt-9',
      reason: '行政处罚（鞍住建罚〔2026〕15号）：未取得施工许可证擅自施工',
      decidedOn: '2026-06-01',
      expiresOn: '2028-05-31',
    });
    expect(penaltyRecord(envelope(SupervisionEventTypes.penaltyDecided, penalty({ severity: 'severe' })), { ...months, severe: 60 })).toMatchObject({
      severity: 'severe',
      expiresOn: '2031-05-31',
    });
  });

  it('parks a penalty it cannot record', () => {
    const park = (over: Partial<SupervisionPenaltyDecidedV1>) => () => penaltyRecord(envelope(SupervisionEventTypes.penaltyDecided, penalty(over)), months);
    expect(park({ subjectUscc: '91350100M000100Y44' })).toThrow(/not a valid 统一社会信用代码/);
    expect(park({ decisionDate: '2026-02-30' })).toThrow(/decisionDate "2026-02-30" is not YYYY-MM-DD/);
    expect(park({ severity: 'grave' as never })).toThrow(PermanentEventError);
    expect(park({ documentNumber: '' })).toThrow(/lacks documentNumber/);
  });

  const check = (over: Partial<SupervisionCheckRecordedV1> = {}): IntegrationEvent<SupervisionCheckRecordedV1> =>
    envelope(SupervisionEventTypes.checkRecorded, {
      actionId: 'chk-1',
      planId: null,
      campaignId: null,
      supervisionItemCode: 'JG-ZJ-002',
      departmentCode: 'AS-ZJJ',
      subjectUscc: USCC,
      regionCode: '210302',
      result: 'violation-found',
      // 01:00 on 06-03 in China
      checkedAt: '2026-06-02T17:00:00.000Z',
      reportedAt: '2026-06-03T02:00:00.000Z',
      ...over,
    });

  it('a check that found a violation is a 一般 失信 on the China day of the check; other results make none', () => {
    expect(checkRecord(check(), months)).toMatchObject({ severity: 'minor', sourceRef: 'check:chk-1', decidedOn: '2026-06-03', expiresOn: '2027-06-02' });
    expect(checkRecord(check({ result: 'no-problem' }), months)).toBeNull();
    expect(checkRecord(check({ result: 'rectification-ordered' }), months)).toBeNull();
    expect(() => checkRecord(check({ checkedAt: 'yesterday' }), months)).toThrow(/checkedAt "yesterday" is not an instant/);
  });

  it('an upheld complaint naming a subject is a 一般 失信 of the handling department; one naming none makes none', () => {
    const upheld = (over: Partial<ComplaintUpheldV1> = {}) =>
      envelope<ComplaintUpheldV1>(ComplaintEventTypes.upheld, {
        complaintId: 'cmp-1',
        category: 'wage-arrears',
        regionCode: '210302',
        departmentCode: 'AS-RSJ',
        subjectUscc: USCC,
        projectCode: null,
        itemCode: null,
        upheldAt: '2026-06-05T03:00:00.000Z',
        ...over,
      });
    expect(upheldComplaintRecord(upheld(), months)).toMatchObject({
      severity: 'minor',
      sourceType: 'complaint',
      sourceDepartmentCode: 'AS-RSJ',
      sourceRef: 'cmp-1',
      decidedOn: '2026-06-05',
      reason: '投诉举报经查属实（wage-arrears）',
    });
    expect(upheldComplaintRecord(upheld({ subjectUscc: null }), months)).toBeNull();
  });
});
