import { CommitmentBrokenV1, CommitmentKeptV1, IntegrationEvent, SupervisionEventTypes } from '@cityworks/contracts';
import { PermanentEventError } from '@cityworks/messaging';
import { brokenCommitmentRecord, keptCommitmentRecord, lastDayAfterMonths } from './commitment-records';

const envelope = <T>(type: string, data: T): IntegrationEvent<T> =>
  ({
    specversion: '1.0',
    id: 'evt-1',
    source: '/cityworks/supervision',
    type,
    time: '',
    subject: 'c-1',
    datacontenttype: 'application/json',
    data,
  }) as IntegrationEvent<T>;
const broken = (over: Partial<CommitmentBrokenV1> = {}) =>
  envelope<CommitmentBrokenV1>(SupervisionEventTypes.commitmentBroken, {
    commitmentId: 'c-1',
    applicationId: 'app-1',
    projectCode: 'P-1',
    itemCode: 'JS-SGXK-001',
    ownerUscc: '91350100M000100Y43',
    supervisingDepartmentCode: 'AS-ZJJ',
    approvingDepartmentCode: 'AS-XZSPJ',
    breach: 'false-commitment',
    findings: '资金到位证明系伪造',
    ineligibleUntil: '2027-12-04T15:59:59.999Z',
    // 23:30 on 12-04 in China is still 12-04
    foundAt: '2026-12-04T15:30:00.000Z',
    ...over,
  });

describe('credit records from commitment findings', () => {
  it('a false commitment is a 严重 失信 counted three years; a serious breach a 较重 one counted two', () => {
    expect(brokenCommitmentRecord(broken())).toEqual({
      uscc: '91350100M000100Y43',
      kind: 'bad',
      severity: 'severe',
      sourceType: 'commitment',
      sourceDepartmentCode: 'AS-ZJJ',
      sourceRef: 'c-1',
      sourceEventId: 'evt-1',
      reason: '告知承诺核查不实（虚假承诺）：资金到位证明系伪造',
      decidedOn: '2026-12-04',
      expiresOn: '2029-12-03',
    });
    expect(brokenCommitmentRecord(broken({ breach: 'serious-breach' }))).toMatchObject({ severity: 'serious', expiresOn: '2028-12-03' });
  });

  it('a kept commitment is a 守信 record counted a year', () => {
    const kept = envelope<CommitmentKeptV1>(SupervisionEventTypes.commitmentKept, {
      commitmentId: 'c-2',
      applicationId: 'app-2',
      ownerUscc: '91350100M000100Y43',
      supervisingDepartmentCode: 'AS-ZJJ',
      verifiedAt: '2026-02-28T02:00:00.000Z',
      onTime: true,
    });
    expect(keptCommitmentRecord(kept)).toMatchObject({ kind: 'good', severity: null, decidedOn: '2026-02-28', expiresOn: '2027-02-27', sourceRef: 'c-2' });
  });

  it('parks a finding that lacks what a record needs', () => {
    expect(() => brokenCommitmentRecord(broken({ ownerUscc: '' }))).toThrow(PermanentEventError);
    expect(() => brokenCommitmentRecord(broken({ breach: 'minor-breach' as CommitmentBrokenV1['breach'] }))).toThrow(/unknown breach/);
  });

  it('counts months to the day before the same day, or to the end of a shorter month', () => {
    expect(lastDayAfterMonths('2026-01-31', 1)).toBe('2026-02-27');
    expect(lastDayAfterMonths('2026-12-04', 12)).toBe('2027-12-03');
  });
});
