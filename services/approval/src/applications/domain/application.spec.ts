import { ApprovalEventTypes, ApprovalItemSnapshot } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { AcceptApplication, Application } from './application';

const input: AcceptApplication = {
  projectCode: '2026-210302-47-01-000123',
  itemCode: 'JS-SGXK-001',
  departmentCode: 'AS-XZSPJ',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  onCommitment: false,
};

/** 施工许可 as the 鞍山 city list has it (version 3) */
const item: ApprovalItemSnapshot = {
  code: 'JS-SGXK-001',
  regionCode: '210300',
  version: 3,
  effectiveFrom: '2026-01-01',
  followsVersion: null,
  retired: false,
  changeNote: null,
  publishedAt: '2025-12-20T02:00:00.000Z',
  name: '建筑工程施工许可证核发',
  category: '行政许可',
  stage: '施工许可',
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  supervisionMode: '审管分离',
  legalBasis: '《建筑法》第七条',
  materials: [],
  intermediaryServiceRequired: false,
  technicalReviewRequired: false,
  expertReviewRequired: false,
  siteSurveyRequired: true,
  timeLimitWorkingDays: 5,
  allowedClockStops: ['补正材料', '现场勘验'],
  commitmentAllowed: true,
  commitmentVerificationWorkingDays: 20,
  supervisionFeedbackWorkingDays: 5,
  warningLeadWorkingDays: 1,
  reminderGraceWorkingDays: 3,
  escalationGraceWorkingDays: 3,
};
const acceptedAt = new Date('2026-03-02T02:00:00Z');
const decidedAt = new Date('2026-03-05T06:30:00Z');

function accepted(overrides: Partial<AcceptApplication> = {}): Application {
  return Application.accept({ ...input, ...overrides }, item, 'a-1', acceptedAt).application;
}

describe('Application (办件)', () => {
  describe('accept (受理)', () => {
    it('starts accepted, undecided, with the terms of the catalog version in force, and announces the acceptance', () => {
      const { application, transition } = Application.accept(input, item, 'a-1', acceptedAt);
      expect(application.snapshot).toMatchObject({
        id: 'a-1',
        status: 'accepted',
        acceptedAt,
        decidedAt: null,
        decisionReason: null,
        supervisingDepartmentCode: 'AS-ZJJ',
        supervisionFeedbackWorkingDays: 5,
        terms: {
          itemVersion: 3,
          itemRegionCode: '210300',
          timeLimitWorkingDays: 5,
          allowedClockStops: ['补正材料', '现场勘验'],
          commitmentAllowed: true,
          commitmentVerificationWorkingDays: 20,
          supervisionMode: '审管分离',
        },
        clockStops: [],
        illegalClockStopAttempts: 0,
      });
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

    it.each([0, 366, 2.5])('refuses an item whose supervision feedback period is %p working days', (days) => {
      expect(() => Application.accept(input, { ...item, supervisionFeedbackWorkingDays: days }, 'a-1', acceptedAt)).toThrow(
        expect.objectContaining({ name: 'RuleViolation', kind: 'rule', message: expect.stringContaining('supervisionFeedbackWorkingDays') }),
      );
    });

    it('refuses a department that does not implement the item, naming its 实施部门', () => {
      expect(() => Application.accept({ ...input, departmentCode: 'AS-ZJJ' }, item, 'a-1', acceptedAt)).toThrow(
        new RuleViolation('department AS-ZJJ does not implement item JS-SGXK-001: its 实施部门 is AS-XZSPJ (catalog version 3)', 'rule'),
      );
    });

    it('refuses 告知承诺 on an item that does not allow it, and accepts it where allowed', () => {
      expect(() => Application.accept({ ...input, onCommitment: true }, { ...item, commitmentAllowed: false }, 'a-1', acceptedAt)).toThrow(
        new RuleViolation('item JS-SGXK-001 does not allow approval on commitment (告知承诺制) in catalog version 3', 'rule'),
      );
      expect(accepted({ onCommitment: true }).snapshot.onCommitment).toBe(true);
    });

    it('refuses a retired item and a snapshot of another item', () => {
      expect(() => Application.accept(input, { ...item, retired: true }, 'a-1', acceptedAt)).toThrow(
        expect.objectContaining({ kind: 'rule', message: expect.stringContaining('retired') }),
      );
      expect(() => Application.accept(input, { ...item, code: 'JS-GHXK-001' }, 'a-1', acceptedAt)).toThrow(expect.objectContaining({ kind: 'rule' }));
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

  describe('clock-stops (暂停计时)', () => {
    const at = (iso: string) => new Date(iso);

    it('stops the clock for an allowed reason and resumes it', () => {
      const application = accepted();
      const outcome = application.stopClock('补正材料', '缺少施工图审查合格书', at('2026-03-03T01:00:00Z'));
      expect(outcome.taken).toBe(true);
      expect(outcome.transition).toMatchObject({ action: 'application.clock-stopped', after: { clockStopped: true, reason: '补正材料' } });
      expect(outcome.transition.events[0]).toMatchObject({
        type: ApprovalEventTypes.clockStopped,
        data: { reason: '补正材料', stoppedAt: '2026-03-03T01:00:00.000Z' },
      });
      expect(application.openClockStop).toMatchObject({ reason: '补正材料', to: null });
      const resumed = application.resumeClock(at('2026-03-06T01:00:00Z'));
      expect(resumed.events[0]).toMatchObject({
        type: ApprovalEventTypes.clockResumed,
        data: { stoppedAt: '2026-03-03T01:00:00.000Z', resumedAt: '2026-03-06T01:00:00.000Z' },
      });
      expect(application.openClockStop).toBeNull();
      expect(application.snapshot.clockStops).toEqual([
        { reason: '补正材料', note: '缺少施工图审查合格书', from: at('2026-03-03T01:00:00Z'), to: at('2026-03-06T01:00:00Z') },
      ]);
    });

    it('refuses a reason the item does not allow, and records the attempt (不得违规暂停计时)', () => {
      const application = accepted();
      const outcome = application.stopClock('专家评审', null, at('2026-03-03T01:00:00Z'));
      expect(outcome.taken).toBe(false);
      if (outcome.taken) return;
      expect(outcome.refusal).toEqual(
        new RuleViolation(
          'reason 专家评审 is not a clock-stop item JS-SGXK-001 allows (allowed: 补正材料、现场勘验); the attempt is recorded (不得违规暂停计时)',
          'rule',
        ),
      );
      expect(outcome.transition).toMatchObject({
        action: 'application.illegal-clock-stop-attempted',
        after: { illegalClockStopAttempts: 1, reason: '专家评审' },
      });
      expect(outcome.transition.events[0]).toMatchObject({
        type: ApprovalEventTypes.illegalClockStopAttempted,
        data: { applicationId: 'a-1', departmentCode: 'AS-XZSPJ', reason: '专家评审', allowedReasons: ['补正材料', '现场勘验'] },
      });
      expect(application.snapshot).toMatchObject({ illegalClockStopAttempts: 1, clockStops: [] });
    });

    it('takes one stop at a time, none after the decision, and refuses to resume a running clock', () => {
      const application = accepted();
      application.stopClock('现场勘验', null, at('2026-03-03T01:00:00Z'));
      expect(() => application.stopClock('补正材料', null, at('2026-03-04T01:00:00Z'))).toThrow(
        expect.objectContaining({ kind: 'state', message: expect.stringContaining('stopped already') }),
      );
      expect(() => application.decide({ decision: 'approved' }, decidedAt)).toThrow(
        expect.objectContaining({ kind: 'state', message: expect.stringContaining('resume it before deciding') }),
      );
      application.resumeClock(at('2026-03-04T01:00:00Z'));
      expect(() => application.resumeClock(at('2026-03-04T02:00:00Z'))).toThrow(new RuleViolation('application a-1 has no stopped clock to resume'));
      application.decide({ decision: 'approved' }, decidedAt);
      expect(() => application.stopClock('补正材料', null, at('2026-03-06T01:00:00Z'))).toThrow(expect.objectContaining({ kind: 'state' }));
    });

    it('refuses a resumption before the stop began', () => {
      const application = accepted();
      application.stopClock('现场勘验', null, at('2026-03-04T01:00:00Z'));
      expect(() => application.resumeClock(at('2026-03-03T01:00:00Z'))).toThrow(new RuleViolation('a clock-stop cannot end before it started', 'rule'));
    });
  });

  describe('recordSupervisionFeedback (审管联动 both ways)', () => {
    const feedback = { taskId: 't-1', departmentCode: 'AS-ZJJ', outcome: '已现场核查', givenAt: new Date('2026-03-09T03:00:00Z') };

    it('shows the supervising department’s feedback on a decided application, once', () => {
      const application = accepted();
      application.decide({ decision: 'approved' }, decidedAt);
      const transition = application.recordSupervisionFeedback(feedback);
      expect(transition).toMatchObject({
        action: 'application.supervision-feedback-received',
        before: null,
        after: { taskId: 't-1', outcome: '已现场核查' },
        events: [],
      });
      expect(application.snapshot.supervisionFeedback).toEqual(feedback);
      expect(application.recordSupervisionFeedback({ ...feedback })).toBeNull();
    });

    it('refuses feedback from another department, and on an undecided application', () => {
      const application = accepted();
      expect(() => application.recordSupervisionFeedback(feedback)).toThrow(
        expect.objectContaining({ kind: 'state', message: expect.stringContaining('not decided yet') }),
      );
      application.decide({ decision: 'approved' }, decidedAt);
      expect(() => application.recordSupervisionFeedback({ ...feedback, departmentCode: 'AS-HBJ' })).toThrow(
        new RuleViolation('feedback on application a-1 came from AS-HBJ, but its supervising department is AS-ZJJ', 'rule'),
      );
      expect(application.snapshot.supervisionFeedback).toBeNull();
    });
  });

  describe('revoke (撤销)', () => {
    const revokedAt = new Date('2026-04-01T02:00:00Z');

    it('withdraws an approval with its source and reason, and announces it', () => {
      const application = accepted({ onCommitment: true });
      application.decide({ decision: 'approved' }, decidedAt);
      const transition = application.revoke('告知承诺核查不实', '承诺的施工图审查合格书不存在', revokedAt);
      expect(application.snapshot).toMatchObject({
        status: 'revoked',
        revocation: { source: '告知承诺核查不实', reason: '承诺的施工图审查合格书不存在', revokedAt },
      });
      expect(transition).toMatchObject({
        action: 'application.revoked',
        before: { status: 'approved' },
        after: { status: 'revoked', source: '告知承诺核查不实' },
      });
      expect(transition.events[0]).toMatchObject({
        type: ApprovalEventTypes.revoked,
        data: {
          applicationId: 'a-1',
          supervisingDepartmentCode: 'AS-ZJJ',
          ownerUscc: input.ownerUscc,
          onCommitment: true,
          source: '告知承诺核查不实',
          revokedAt: revokedAt.toISOString(),
        },
      });
    });

    it('revokes only an approval, once, and never without a reason', () => {
      const open = accepted();
      expect(() => open.revoke('自行纠错', '错误', revokedAt)).toThrow(new RuleViolation('application a-1 is accepted; only an approval can be revoked'));
      const rejected = accepted();
      rejected.decide({ decision: 'rejected', reason: '材料不全' }, decidedAt);
      expect(() => rejected.revoke('自行纠错', '错误', revokedAt)).toThrow(expect.objectContaining({ kind: 'state' }));
      const approved = accepted();
      approved.decide({ decision: 'approved' }, decidedAt);
      expect(() => approved.revoke('自行纠错', '   ', revokedAt)).toThrow(new RuleViolation('reason is required to revoke an approval', 'rule'));
      approved.revoke('自行纠错', '发现审批错误', revokedAt);
      expect(() => approved.revoke('自行纠错', '再次', revokedAt)).toThrow(new RuleViolation('application a-1 is revoked; only an approval can be revoked'));
    });
  });

  it('restores exactly what was stored, without running any rule', () => {
    const stored = { ...accepted().snapshot, status: 'rejected' as const, decidedAt, decisionReason: '材料不全' };
    expect(Application.restore(stored).snapshot).toEqual(stored);
  });
});
