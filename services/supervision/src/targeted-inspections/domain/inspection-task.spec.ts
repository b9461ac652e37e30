import { SupervisionEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { InspectionTask, InspectionTaskRequest } from './inspection-task';

describe('InspectionTask', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const due = new Date('2026-12-15T15:59:59.999Z');
  const request = (overrides: Partial<InspectionTaskRequest> = {}): InspectionTaskRequest => ({
    source: 'risk-warning',
    sourceRef: 'FXYJ-1',
    sourceDigest: 'd'.repeat(64),
    departmentCode: 'AS-ZJJ',
    regionCode: '210302',
    supervisionItemCode: null,
    subjectUscc: null,
    subjectName: null,
    projectCode: null,
    title: '风险预警',
    details: '塔吊超限',
    requestedBy: '国家互联网+监管系统',
    referringActionId: null,
    ...overrides,
  });
  const open = (overrides: Partial<InspectionTaskRequest> = {}) =>
    InspectionTask.open(request(overrides), { id: 't-1', workflowId: 'inspection-task-t-1' }, due, now).task;

  it('feedback closes it and publishes feedback-given with its source, on time or not', () => {
    const task = open();
    const t = task.giveFeedback('已核查', null, 'u-1', now);
    expect(task.snapshot.status).toBe('closed');
    expect(t.events[0]).toMatchObject({
      type: SupervisionEventTypes.feedbackGiven,
      data: { taskId: 't-1', applicationId: '', source: 'risk-warning', sourceRef: 'FXYJ-1', onTime: true, actionId: null },
    });
    expect(() => task.giveFeedback('again', null, 'u-1', now)).toThrow(RuleViolation);
  });

  it('a referral’s feedback names the referring action; late feedback says so', () => {
    const task = open({ source: 'referral', sourceRef: 'a-1:AS-HBJ', referringActionId: 'a-1' });
    expect(task.markOverdue(new Date(due.getTime() + 1))).toMatchObject({ action: 'inspection-task.overdue' });
    expect(task.markOverdue(new Date(due.getTime() + 2))).toBeNull();
    const t = task.giveFeedback('已立案', 'a-9', 'u-2', new Date(due.getTime() + 3));
    expect(t.events[0].data).toMatchObject({ source: 'referral', sourceRef: 'a-1', actionId: 'a-9', onTime: false });
  });

  it('refuses a blank outcome and a deadline not after opening', () => {
    expect(() => open().giveFeedback('  ', null, 'u-1', now)).toThrow(/outcome/);
    expect(() => InspectionTask.open(request(), { id: 't', workflowId: 'w' }, now, now)).toThrow(/deadline/);
  });
});
