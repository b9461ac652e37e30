import type { ApprovalItemSnapshot, CatalogItemChangedV1 } from '@cityworks/contracts';
import { isPermanentFailure, PermanentEventError } from '@cityworks/messaging';
import { approvalItemVersionChange } from './approval-item-change';

describe('what approval keeps of an approval item’s change', () => {
  const snapshot = {
    code: 'JS-SGXK-001',
    regionCode: '210300',
    version: 2,
    effectiveFrom: '2026-03-01',
    followsVersion: null,
    retired: false,
    changeNote: null,
    publishedAt: '2026-02-01T02:00:00.000Z',
    name: '建筑工程施工许可证核发',
    departmentCode: 'AS-XZSPJ',
    supervisingDepartmentCode: 'AS-ZJJ',
    timeLimitWorkingDays: 7,
    allowedClockStops: ['补正材料'],
    commitmentAllowed: true,
    commitmentVerificationWorkingDays: 20,
    supervisionFeedbackWorkingDays: 5,
  } as ApprovalItemSnapshot;
  const event = (over: Partial<CatalogItemChangedV1> = {}, snap: Partial<ApprovalItemSnapshot> | null = {}): CatalogItemChangedV1 => ({
    kind: 'approval-item',
    code: 'JS-SGXK-001',
    name: '建筑工程施工许可证核发',
    regionCode: '210300',
    version: 2,
    effectiveFrom: '2026-03-01',
    change: 'published',
    changedFields: [],
    flaggedRegionCodes: [],
    occurredAt: '2026-02-01T02:00:00.000Z',
    snapshot: snap === null ? undefined : ({ ...snapshot, ...snap } as ApprovalItemSnapshot),
    ...over,
  });

  it('keeps a published or amended version in force, a retiring one retired, a withdrawn one withdrawn', () => {
    expect(approvalItemVersionChange(event())).toEqual({ snapshot, retired: false, withdrawn: false });
    expect(approvalItemVersionChange(event({ change: 'amended' }))).toMatchObject({ retired: false, withdrawn: false });
    expect(approvalItemVersionChange(event({ change: 'retired' }, { retired: true }))).toMatchObject({ retired: true, withdrawn: false });
    expect(approvalItemVersionChange(event({ change: 'withdrawn' }))).toMatchObject({ retired: false, withdrawn: true });
  });

  it('refuses for good an event without the snapshot, saying why', () => {
    const refusal = () => approvalItemVersionChange(event({}, null));
    expect(refusal).toThrow(PermanentEventError);
    expect(refusal).toThrow('catalog.item-changed.v1 of approval item JS-SGXK-001 version 2 in 210300 carries no snapshot');
    try {
      refusal();
    } catch (e) {
      expect(isPermanentFailure(e)).toBe(true);
    }
  });

  it('refuses the snapshot of another version, list or item', () => {
    expect(() => approvalItemVersionChange(event({}, { version: 1 }))).toThrow(/another version/);
    expect(() => approvalItemVersionChange(event({}, { regionCode: '210302' }))).toThrow(/another version/);
    expect(() => approvalItemVersionChange(event({}, { code: 'X' }))).toThrow(/another version/);
  });

  it('refuses a snapshot without the statutory facts an application takes from it, naming each', () => {
    expect(() =>
      approvalItemVersionChange(
        event({}, { effectiveFrom: '2026-3-1', supervisingDepartmentCode: '', timeLimitWorkingDays: 1.5, commitmentVerificationWorkingDays: null }),
      ),
    ).toThrow(
      'the snapshot lacks or breaks effectiveFrom (YYYY-MM-DD), supervisingDepartmentCode, timeLimitWorkingDays (0–365), commitmentVerificationWorkingDays (1–365)',
    );
    expect(approvalItemVersionChange(event({}, { commitmentAllowed: false, commitmentVerificationWorkingDays: null, timeLimitWorkingDays: 0 }))).toBeTruthy();
  });
});
