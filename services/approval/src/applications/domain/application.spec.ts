import { ApprovalEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { AcceptApplication, Application } from './application';

const input: AcceptApplication = {
  projectCode: '2026-210302-47-01-000123',
  itemCode: 'JS-SGXK-001',
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  onCommitment: false,
  supervisionFeedbackWorkingDays: 5,
};
const acceptedAt = new Date('2026-03-02T02:00:00Z');
const decidedAt = new Date('2026-03-05T06:30:00Z');

function accepted(overrides: Partial<AcceptApplication> = {}): Application {
  return Application.accept({ ...input, ...overrides }, 'a-1', acceptedAt).application;
}

describe('Application (办件)', () => {
  describe('accept (受理)', () => {
    it('starts accepted, undecided, and announces the acceptance', () => {
      const { application, transition } = Application.accept(input, 'a-1', acceptedAt);
      expect(application.snapshot).toMatchObject({ id: 'a-1', status: 'accepted', acceptedAt, decidedAt: null, decisionReason: null });
      expect(transition.action).toBe('application.accepted');
      expect(transition.events).toEqual([
        {
          type: ApprovalEventTypes.applicationAccepted,
          subject: 'a-1',
          data: {
            applicationId: 'a-1',
            projectCode: input.projectCode,
            itemCode: input.itemCode,
            departmentCode: 'AS-XZSPJ',
            regionCode: '210302',
            acceptedAt: acceptedAt.toISOString(),
          },
        },
      ]);
    });

    it.each([0, 366, 2.5])('refuses a supervision feedback period of %p working days', (days) => {
      expect(() => Application.accept({ ...input, supervisionFeedbackWorkingDays: days }, 'a-1', acceptedAt)).toThrow(
        expect.objectContaining({ name: 'RuleViolation', kind: 'rule', message: expect.stringContaining('supervisionFeedbackWorkingDays') }),
      );
    });
  });

  describe('decide (审批决定)', () => {
    it('approves and pushes the result to the supervising department (审批结果推送)', () => {
      const application = accepted({ onCommitment: true });
      const transition = application.decide({ decision: 'approved' }, decidedAt);
      expect(application.snapshot).toMatchObject({ status: 'approved', decidedAt, decisionReason: null });
      expect(transition).toMatchObject({ action: 'application.decided', before: { status: 'accepted' }, after: { status: 'approved', reason: null } });
      expect(transition.events).toHaveLength(1);
      expect(transition.events[0]).toMatchObject({
        type: ApprovalEventTypes.decided,
        subject: 'a-1',
        data: {
          applicationId: 'a-1',
          approvingDepartmentCode: 'AS-XZSPJ',
          supervisingDepartmentCode: 'AS-ZJJ',
          ownerUscc: input.ownerUscc,
          decision: 'approved',
          onCommitment: true,
          decidedAt: decidedAt.toISOString(),
          supervisionFeedbackWorkingDays: 5,
        },
      });
    });

    it('rejects with the reason recorded', () => {
      const application = accepted();
      const transition = application.decide({ decision: 'rejected', reason: '材料不全' }, decidedAt);
      expect(application.snapshot).toMatchObject({ status: 'rejected', decisionReason: '材料不全' });
      expect(transition.after).toEqual({ status: 'rejected', reason: '材料不全' });
    });

    it.each([undefined, null, '', '   '])('refuses a rejection without a reason (%p) and changes nothing', (reason) => {
      const application = accepted();
      expect(() => application.decide({ decision: 'rejected', reason }, decidedAt)).toThrow(
        new RuleViolation('reason is required when the decision is rejected', 'rule'),
      );
      expect(application.snapshot.status).toBe('accepted');
    });

    it('decides once: a second decision is refused as a conflict and changes nothing', () => {
      const application = accepted();
      application.decide({ decision: 'approved' }, decidedAt);
      let error: unknown;
      try {
        application.decide({ decision: 'rejected', reason: 'changed my mind' }, new Date());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleViolation);
      expect((error as RuleViolation).httpStatus).toBe(409);
      expect((error as RuleViolation).message).toBe('application a-1 is already approved; a decision is made once');
      expect(application.snapshot).toMatchObject({ status: 'approved', decidedAt });
    });
  });

  it('restores exactly what was stored, without running any rule', () => {
    const stored = { ...accepted().snapshot, status: 'rejected' as const, decidedAt, decisionReason: '材料不全' };
    expect(Application.restore(stored).snapshot).toEqual(stored);
  });
});
