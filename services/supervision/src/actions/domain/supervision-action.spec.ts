import { SupervisionEventTypes } from '@cityworks/contracts';
import { WorkingDayCalendar } from '@cityworks/calendar';
import { RuleViolation } from '@cityworks/platform';
import { randomUscc } from '@cityworks/testing';
import { ActionHeader, PenaltyDetails, SupervisionAction } from './supervision-action';
import { actionReportDueAt, DEFAULT_SUPERVISION_TERMS, supervisionTermsFrom } from './reporting-terms';

/** The 监管行为 model's rules, without a database. */
describe('SupervisionAction', () => {
  const now = new Date('2026-12-01T02:00:00Z'); // 10:00 China time
  const header = (): ActionHeader => ({
    departmentCode: 'AS-ZJJ',
    supervisionItemCode: 'JG-JZSG-001',
    planId: null,
    campaignId: 'c-1',
    subjectName: '某公司',
    subjectUscc: randomUscc(),
    legalRepresentative: null,
    regionCode: '210302',
  });
  const ctx = (reportDueAt = new Date('2026-12-08T15:59:59.999Z')) => ({ id: 'a-1', now, userId: 'u-1', reportDueAt, workflowId: 'action-report-a-1' });
  const inspectors = [{ name: '王强', certificateNumber: '21030219001' }];
  const check = { checkedAt: new Date('2026-11-30T02:00:00Z'), form: 'on-site' as const, method: 'routine' as const, inspectors };
  const penalty = (overrides: Partial<PenaltyDetails> = {}): PenaltyDetails => ({
    documentNumber: '鞍住建罚〔2026〕1号',
    violationType: '擅自施工',
    facts: '擅自施工',
    legalBasis: '第十二条',
    categories: ['罚款'],
    content: '罚款',
    fineAmount: '500',
    decisionDate: '2026-11-30',
    validUntil: '2027-11-30',
    severity: 'minor',
    ...overrides,
  });

  it('registers a check without a result: awaiting its report, with its workflow', () => {
    const { action, transitions } = SupervisionAction.registerCheck(header(), check, ctx());
    expect(action.snapshot).toMatchObject({ status: 'recorded', late: null, workflowId: 'action-report-a-1' });
    expect(transitions.map((t) => t.action)).toEqual(['supervision-action.check-registered']);
    expect(transitions[0].events).toEqual([]);
  });

  it('reports a check with its result: on time, the check-recorded event with the campaign', () => {
    const { action, transitions } = SupervisionAction.registerCheck(header(), { ...check, result: 'no-problem' }, ctx());
    expect(action.snapshot).toMatchObject({ status: 'reported', late: false, workflowId: null, reportedAt: now });
    const [event] = transitions[1].events;
    expect(event).toMatchObject({
      type: SupervisionEventTypes.checkRecorded,
      data: { campaignId: 'c-1', result: 'no-problem', reportedAt: now.toISOString() },
    });
  });

  it('flags a report after the deadline late, and refuses a second report', () => {
    const { action } = SupervisionAction.registerCheck(header(), check, ctx(new Date('2026-11-30T23:00:00Z')));
    expect(action.reportCheck('rectification-ordered', '未设置防护', now).after).toMatchObject({ late: true });
    expect(() => action.reportCheck('no-problem', null, now)).toThrow(RuleViolation);
  });

  it('refuses a check in the future, no inspector, an inspector twice, findings missing', () => {
    expect(() => SupervisionAction.registerCheck(header(), { ...check, checkedAt: new Date(now.getTime() + 1000) }, ctx())).toThrow(/future/);
    expect(() => SupervisionAction.registerCheck(header(), { ...check, inspectors: [] }, ctx())).toThrow(/inspectors/);
    expect(() => SupervisionAction.registerCheck(header(), { ...check, inspectors: [...inspectors, ...inspectors] }, ctx())).toThrow(/twice/);
    expect(() => SupervisionAction.registerCheck(header(), { ...check, result: 'violation-found' }, ctx())).toThrow(/findings/);
    expect(() => SupervisionAction.registerCheck({ ...header(), subjectUscc: '91210302MA0000000X' }, check, ctx())).toThrow(/统一社会信用代码/);
  });

  it('records a penalty: the fine in yuan with two decimals, its categories joined, its event for credit', () => {
    const { action, transition } = SupervisionAction.recordPenalty(header(), penalty({ categories: ['警告', '罚款'] }), ctx());
    expect(action.snapshot).toMatchObject({ kind: 'penalty', status: 'reported', late: false, actedAt: new Date('2026-11-29T16:00:00Z') });
    expect(transition.events[0]).toMatchObject({
      type: SupervisionEventTypes.penaltyDecided,
      data: { fineAmount: '500.00', category: '警告、罚款', decisionDate: '2026-11-30', severity: 'minor', decidedAt: '2026-11-29T16:00:00.000Z' },
    });
  });

  it('refuses a fine without 罚款, 罚款 without a fine, a decision in the future or not a day, validity before it', () => {
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ categories: ['警告'] }), ctx())).toThrow(/fineAmount/);
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ fineAmount: null }), ctx())).toThrow(/fineAmount/);
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ decisionDate: '2026-12-02' }), ctx())).toThrow(/future/);
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ decisionDate: '0000-00-00' }), ctx())).toThrow(/real day/);
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ validUntil: '2026-11-29' }), ctx())).toThrow(/validUntil/);
    expect(() => SupervisionAction.recordPenalty(header(), penalty({ categories: ['罚款', '罚款'] }), ctx())).toThrow(/twice/);
  });

  it('marks an unreported check overdue once; a reported one not at all', () => {
    const { action } = SupervisionAction.registerCheck(header(), check, ctx());
    expect(action.markOverdue(now)).not.toBeNull();
    expect(action.markOverdue(now)).toBeNull();
    const reported = SupervisionAction.registerCheck(header(), { ...check, result: 'no-problem' }, ctx()).action;
    expect(reported.markOverdue(now)).toBeNull();
  });
});

describe('reporting terms', () => {
  const calendar = new WorkingDayCalendar();

  it('counts 7 calendar days after the action day by default, to the end of the day in China', () => {
    // checked 2026-09-30 (China): 10-07 is the 7th day, National Day or not
    expect(actionReportDueAt(DEFAULT_SUPERVISION_TERMS, calendar, new Date('2026-09-30T02:00:00Z')).toISOString()).toBe('2026-10-07T15:59:59.999Z');
  });

  it('counts working days when configured', () => {
    const terms = supervisionTermsFrom({ SUPERVISION_ACTION_REPORT_DAY_KIND: 'working' });
    // 10-01…10-07 off, 10-10 (Sat) a make-up working day: 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15
    expect(actionReportDueAt(terms, calendar, new Date('2026-09-30T02:00:00Z')).toISOString()).toBe('2026-10-15T15:59:59.999Z');
  });

  it('stops the service on a bad setting, naming it', () => {
    expect(() => supervisionTermsFrom({ SUPERVISION_ACTION_REPORT_DAYS: '0' })).toThrow(/SUPERVISION_ACTION_REPORT_DAYS/);
    expect(() => supervisionTermsFrom({ SUPERVISION_ACTION_REPORT_DAY_KIND: 'lunar' })).toThrow(/SUPERVISION_ACTION_REPORT_DAY_KIND/);
  });
});
