import { ApprovalEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { assertMayApplyOnCommitment, cancelEligibility, EligibilityCancellation, inForce } from './commitment-eligibility';

const now = new Date('2026-12-04T10:00:00+08:00');
const cancellation = (until: string, commitmentId = 'c-1'): EligibilityCancellation => ({
  id: commitmentId,
  ownerUscc: '91350100M000100Y43',
  commitmentId,
  applicationId: 'app-1',
  reason: '告知承诺核查不实：消防设计文件未按承诺报送',
  cancelledAt: new Date('2026-11-01T00:00:00Z'),
  until: new Date(until),
});

describe('commitment eligibility (告知承诺资格)', () => {
  it('a cancellation records what it caused', () => {
    const { transition } = cancelEligibility({ ...cancellation('2027-12-04T15:59:59.999Z') }, now);
    expect(transition.events).toEqual([
      expect.objectContaining({
        type: ApprovalEventTypes.commitmentEligibilityCancelled,
        data: expect.objectContaining({ until: '2027-12-04T15:59:59.999Z' }),
      }),
    ]);
  });

  it('refuses a cancellation without reason or ending in the past', () => {
    expect(() => cancelEligibility({ ...cancellation('2027-01-01T00:00:00Z'), reason: ' ' }, now)).toThrow(RuleViolation);
    expect(() => cancelEligibility(cancellation('2026-12-01T00:00:00Z'), now)).toThrow(/until must be in the future/);
  });

  it('refuses 受理 on commitment while a cancellation is in force, naming the field, the end and the reason', () => {
    const cancellations = [cancellation('2026-12-01T00:00:00Z', 'old'), cancellation('2027-12-04T15:59:59.999Z')];
    expect(inForce(cancellations, now).map((c) => c.commitmentId)).toEqual(['c-1']);
    expect(() => assertMayApplyOnCommitment('91350100M000100Y43', cancellations, now)).toThrow(
      'onCommitment: 91350100M000100Y43 may not apply on commitment (告知承诺资格已取消) until 2027-12-04T15:59:59.999Z: 告知承诺核查不实：消防设计文件未按承诺报送',
    );
    expect(() => assertMayApplyOnCommitment('91350100M000100Y43', cancellations, new Date('2027-12-05T00:00:00+08:00'))).not.toThrow();
  });

  it('refuses 受理 on commitment while credit grades the subject D (联合惩戒), whatever the cancellations', () => {
    expect(() => assertMayApplyOnCommitment('91350100M000100Y43', [], now, { grade: 'D', jointPunishment: true })).toThrow(
      'onCommitment: 91350100M000100Y43 is graded D by credit and on the joint-punishment list (联合惩戒): no approval on commitment',
    );
    expect(() => assertMayApplyOnCommitment('91350100M000100Y43', [], now, { grade: 'C', jointPunishment: false })).not.toThrow();
  });
});
