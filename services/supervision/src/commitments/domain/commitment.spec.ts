import { ApprovalDecidedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { WorkingDayCalendar } from '@cityworks/calendar';
import { RuleViolation } from '@cityworks/platform';
import { Commitment, monthsLater, RecordCheckInput } from './commitment';
import { commitmentTermsFrom, DEFAULT_COMMITMENT_TERMS } from './commitment-terms';

const calendar = new WorkingDayCalendar();
const decidedAt = new Date('2026-12-01T10:00:00+08:00');
const decision: ApprovalDecidedV1 = {
  applicationId: 'app-1',
  projectCode: 'P-1',
  itemCode: 'JS-SGXK-001',
  approvingDepartmentCode: 'AS-TX-XZSPJ',
  supervisingDepartmentCode: 'AS-TX-ZJJ',
  regionCode: '210303',
  ownerUscc: '91350100M000100Y43',
  decision: 'approved',
  onCommitment: true,
  decidedAt: decidedAt.toISOString(),
  supervisionFeedbackWorkingDays: 5,
  commitmentVerificationWorkingDays: 10,
};
const open = () => Commitment.open(decision, 'c-1', 'commitment-app-1', calendar.dueInstant(decidedAt, 10));
const evidence = [{ kind: '检查记录' as const, reference: '铁西住建监〔2026〕88号', title: null }];
const check = (overrides: Partial<RecordCheckInput> = {}): RecordCheckInput => ({
  outcome: 'fulfilled',
  findings: '现场核查属实',
  evidence,
  inspectedAt: new Date('2026-12-03T10:00:00+08:00'),
  recordedBy: 'zjj-1',
  ...overrides,
});
const at = new Date('2026-12-04T10:00:00+08:00');

describe('Commitment (告知承诺核查)', () => {
  it('opens on a decision approved on commitment, due after the verification period in working days', () => {
    const { commitment, transition } = open();
    // 2026-12-01 (Tue) not counted: ten working days end on Tue 12-15
    expect(commitment.snapshot.dueAt.toISOString()).toBe('2026-12-15T15:59:59.999Z');
    expect(commitment.snapshot.status).toBe('awaiting-verification');
    expect(transition.events.map((e) => e.type)).toEqual([SupervisionEventTypes.commitmentVerificationOpened]);
  });

  it('refuses to open on a decision not on commitment or without a verification period', () => {
    expect(() => Commitment.open({ ...decision, onCommitment: false }, 'c', 'w', calendar.dueInstant(decidedAt, 10))).toThrow(RuleViolation);
    expect(() => Commitment.open({ ...decision, decision: 'rejected' }, 'c', 'w', calendar.dueInstant(decidedAt, 10))).toThrow(/not approved on commitment/);
    expect(() => Commitment.open({ ...decision, commitmentVerificationWorkingDays: null }, 'c', 'w', calendar.dueInstant(decidedAt, 10))).toThrow(
      /no verification period/,
    );
  });

  it('fulfilled: kept (守信), on time', () => {
    const { commitment } = open();
    const t = commitment.recordCheck(check(), DEFAULT_COMMITMENT_TERMS, calendar, at);
    expect(commitment.snapshot).toMatchObject({ status: 'fulfilled', verifiedAt: at });
    expect(t.events).toEqual([
      expect.objectContaining({ type: SupervisionEventTypes.commitmentKept, data: expect.objectContaining({ onTime: true, ownerUscc: decision.ownerUscc }) }),
    ]);
  });

  it('a verification after the deadline is recorded as late', () => {
    const { commitment } = open();
    const late = new Date('2026-12-16T09:00:00+08:00');
    const t = commitment.recordCheck(check(), DEFAULT_COMMITMENT_TERMS, calendar, late);
    expect(commitment.lastCheck!.onTime).toBe(false);
    expect(t.events[0].data).toMatchObject({ onTime: false });
  });

  it('minor breach: a rectification deadline in working days, and the re-check due the configured working days after it', () => {
    const { commitment } = open();
    const t = commitment.recordCheck(check({ outcome: 'minor-breach', rectificationWorkingDays: 5 }), DEFAULT_COMMITMENT_TERMS, calendar, at);
    // from Fri 12-04: five working days end Fri 12-11; five more (recheckWorkingDays) end Fri 12-18
    expect(commitment.lastCheck!.rectificationDueAt!.toISOString()).toBe('2026-12-11T15:59:59.999Z');
    expect(commitment.snapshot).toMatchObject({ status: 'rectifying', dueAt: new Date('2026-12-18T15:59:59.999Z') });
    expect(t.events.map((e) => e.type)).toEqual([SupervisionEventTypes.commitmentRectificationOrdered]);
  });

  it('a re-check ends the matter: a second rectification is refused, and the re-check is measured against its own deadline', () => {
    const { commitment } = open();
    commitment.recordCheck(check({ outcome: 'minor-breach', rectificationWorkingDays: 5 }), DEFAULT_COMMITMENT_TERMS, calendar, at);
    expect(() =>
      commitment.recordCheck(
        check({ outcome: 'minor-breach', rectificationWorkingDays: 5 }),
        DEFAULT_COMMITMENT_TERMS,
        calendar,
        new Date('2026-12-14T10:00:00+08:00'),
      ),
    ).toThrow(/a rectification is ordered once/);
    commitment.recordCheck(check(), DEFAULT_COMMITMENT_TERMS, calendar, new Date('2026-12-14T10:00:00+08:00'));
    expect(commitment.snapshot.status).toBe('fulfilled');
    expect(commitment.snapshot.checks.map((c) => [c.outcome, c.dueAt.toISOString(), c.onTime])).toEqual([
      ['minor-breach', '2026-12-15T15:59:59.999Z', true],
      ['fulfilled', '2026-12-18T15:59:59.999Z', true],
    ]);
    expect(commitment.snapshot.verifiedAt).toEqual(at);
  });

  it('serious breach or false commitment: broken (失信), eligibility lost for the configured months, a 复核 request with its reply deadline', () => {
    const { commitment } = open();
    const t = commitment.recordCheck(check({ outcome: 'false-commitment' }), { ...DEFAULT_COMMITMENT_TERMS, ineligibleMonths: 6 }, calendar, at);
    expect(commitment.snapshot.status).toBe('broken');
    expect(commitment.snapshot.ineligibleUntil!.toISOString()).toBe('2027-06-04T15:59:59.999Z');
    // ten working days from Fri 12-04 end Fri 12-18
    expect(commitment.snapshot.review).toMatchObject({ requestedAt: at, replyDueAt: new Date('2026-12-18T15:59:59.999Z'), answeredAt: null });
    expect(t.events.map((e) => e.type)).toEqual([SupervisionEventTypes.commitmentBroken, SupervisionEventTypes.commitmentReviewRequested]);
    expect(t.events[0].data).toMatchObject({ breach: 'false-commitment', ineligibleUntil: '2027-06-04T15:59:59.999Z' });
    expect(() => commitment.recordCheck(check(), DEFAULT_COMMITMENT_TERMS, calendar, at)).toThrow(/already broken/);
  });

  it('refuses a check without findings or evidence, inspected in the future or before the decision, or with a misplaced rectification period', () => {
    const { commitment } = open();
    const refuse = (input: RecordCheckInput, message: RegExp) => {
      let error: unknown;
      try {
        commitment.recordCheck(input, DEFAULT_COMMITMENT_TERMS, calendar, at);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleViolation);
      expect((error as RuleViolation).httpStatus).toBe(422);
      expect((error as Error).message).toMatch(message);
    };
    refuse(check({ findings: '  ' }), /findings/);
    refuse(check({ evidence: [] }), /evidence/);
    refuse(check({ inspectedAt: new Date(at.getTime() + 1) }), /inspectedAt must not be in the future/);
    refuse(check({ inspectedAt: new Date(decidedAt.getTime() - 1) }), /inspectedAt must not be before/);
    refuse(check({ outcome: 'minor-breach' }), /rectificationWorkingDays is required/);
    refuse(check({ rectificationWorkingDays: 3 }), /applies only to a minor breach/);
    expect(commitment.snapshot.status).toBe('awaiting-verification');
  });

  it('the approving department answers the 复核 once; before a breach there is nothing to answer', () => {
    const { commitment } = open();
    expect(() => commitment.answerReview('已复核', 'spj-1', at)).toThrow(/no 复核 request/);
    commitment.recordCheck(check({ outcome: 'serious-breach' }), DEFAULT_COMMITMENT_TERMS, calendar, at);
    expect(() => commitment.answerReview('  ', 'spj-1', at)).toThrow(/answer must say/);
    const t = commitment.answerReview('经复核，已依法撤销', 'spj-1', new Date('2026-12-07T10:00:00+08:00'));
    expect(t.events[0]).toMatchObject({ type: SupervisionEventTypes.commitmentReviewAnswered, data: { onTime: true } });
    expect(() => commitment.answerReview('再次答复', 'spj-1', at)).toThrow(/was answered/);
  });
});

describe('monthsLater', () => {
  it('keeps the day of the month, or takes the month’s last day', () => {
    expect(monthsLater(new Date('2026-08-31T10:00:00+08:00'), 6).toISOString()).toBe('2027-02-28T15:59:59.999Z');
    expect(monthsLater(new Date('2026-12-04T23:30:00+08:00'), 12).toISOString()).toBe('2027-12-04T15:59:59.999Z');
  });
});

describe('commitmentTermsFrom', () => {
  it('takes defaults, accepts whole numbers in range and refuses anything else by name', () => {
    expect(commitmentTermsFrom({})).toEqual(DEFAULT_COMMITMENT_TERMS);
    expect(commitmentTermsFrom({ COMMITMENT_INELIGIBLE_MONTHS: '24' }).ineligibleMonths).toBe(24);
    expect(() => commitmentTermsFrom({ COMMITMENT_REVIEW_REPLY_WORKING_DAYS: '0' })).toThrow(
      /COMMITMENT_REVIEW_REPLY_WORKING_DAYS must be a whole number from 1 to 60/,
    );
    expect(() => commitmentTermsFrom({ COMMITMENT_RECHECK_WORKING_DAYS: '2.5' })).toThrow(/COMMITMENT_RECHECK_WORKING_DAYS/);
  });
});
