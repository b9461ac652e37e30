import { ApprovalDecidedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { Deadline, SupervisionTask } from './supervision-task';

const decision: ApprovalDecidedV1 = {
  applicationId: 'app-1',
  projectCode: '2026-210302-47-01-000123',
  itemCode: 'JS-SGXK-001',
  approvingDepartmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  decision: 'approved',
  onCommitment: true,
  decidedAt: '2026-03-02T02:00:00.000Z',
  supervisionFeedbackWorkingDays: 5,
};
const due: Deadline = { dueAt: new Date('2026-03-09T15:59:59.999Z'), provisional: false };
const now = new Date('2026-03-05T03:00:00Z');

const opened = () => SupervisionTask.openFromDecision(decision, 't-1', 'supervision-task-t-1', due).task;

function refusal(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

describe('SupervisionTask (审管联动)', () => {
  it('opens for the supervising department from a pushed decision, due at the computed deadline', () => {
    const { task, transition } = SupervisionTask.openFromDecision(decision, 't-1', 'supervision-task-t-1', due);
    expect(task.snapshot).toMatchObject({
      id: 't-1',
      status: 'open',
      departmentCode: 'AS-ZJJ',
      approvingDepartmentCode: 'AS-XZSPJ',
      dueAt: due.dueAt,
      dueProvisional: false,
      decidedAt: new Date(decision.decidedAt),
      feedbackWorkingDays: 5,
      workflowId: 'supervision-task-t-1',
    });
    expect(transition.action).toBe('supervision-task.opened');
    expect(transition.events).toEqual([
      {
        type: SupervisionEventTypes.taskOpened,
        subject: 't-1',
        data: { taskId: 't-1', applicationId: 'app-1', projectCode: decision.projectCode, departmentCode: 'AS-ZJJ', dueAt: due.dueAt.toISOString() },
      },
    ]);
  });

  describe('giveFeedback (监管结果反馈)', () => {
    it('closes an open task and publishes the feedback', () => {
      const task = opened();
      const transition = task.giveFeedback('已现场核查', now);
      expect(task.snapshot).toMatchObject({ status: 'closed', feedbackOutcome: '已现场核查', feedbackAt: now });
      expect(transition).toMatchObject({ action: 'supervision-task.feedback-given', before: { status: 'open' }, after: { status: 'closed' } });
      expect(transition.events[0]).toMatchObject({
        type: SupervisionEventTypes.feedbackGiven,
        data: { taskId: 't-1', outcome: '已现场核查', givenAt: now.toISOString() },
      });
    });

    it('still takes feedback on an overdue task: late feedback is feedback', () => {
      const task = opened();
      task.markOverdue(now);
      const transition = task.giveFeedback('逾期后核查', now);
      expect(transition.before).toEqual({ status: 'overdue' });
      expect(task.snapshot.status).toBe('closed');
    });

    it('refuses a second feedback as a conflict and keeps the first', () => {
      const task = opened();
      task.giveFeedback('first', now);
      const error = refusal(() => task.giveFeedback('second', now));
      expect(error.httpStatus).toBe(409);
      expect(error.message).toBe('supervision task t-1 already has feedback');
      expect(task.snapshot.feedbackOutcome).toBe('first');
    });

    it('refuses a blank outcome as a broken rule', () => {
      const task = opened();
      expect(refusal(() => task.giveFeedback('   ', now)).httpStatus).toBe(422);
      expect(task.snapshot.status).toBe('open');
    });
  });

  describe('markOverdue', () => {
    it('marks an open task overdue and publishes it', () => {
      const task = opened();
      const transition = task.markOverdue(now);
      expect(task.snapshot).toMatchObject({ status: 'overdue', overdueAt: now });
      expect(transition?.events[0]).toMatchObject({
        type: SupervisionEventTypes.taskOverdue,
        data: { dueAt: due.dueAt.toISOString(), detectedAt: now.toISOString() },
      });
    });

    it('changes nothing when asked again or after feedback', () => {
      const overdue = opened();
      overdue.markOverdue(now);
      expect(overdue.markOverdue(new Date())).toBeNull();
      expect(overdue.snapshot.overdueAt).toEqual(now);
      const closed = opened();
      closed.giveFeedback('done', now);
      expect(closed.markOverdue(now)).toBeNull();
      expect(closed.snapshot.status).toBe('closed');
    });
  });

  describe('moveDeadline', () => {
    const later: Deadline = { dueAt: new Date('2026-03-10T15:59:59.999Z'), provisional: false };

    it('moves an open task to the recomputed deadline and records before and after', () => {
      const task = opened();
      const transition = task.moveDeadline(later, 'official arrangement');
      expect(task.snapshot.dueAt).toEqual(later.dueAt);
      expect(transition).toMatchObject({
        action: 'supervision-task.deadline-recomputed',
        before: { dueAt: due.dueAt.toISOString() },
        after: { dueAt: later.dueAt.toISOString() },
        events: [],
      });
      expect(SupervisionTask.instantMoved(transition)).toBe(true);
    });

    it('records a deadline that only stops being provisional, without moving the instant', () => {
      const task = SupervisionTask.openFromDecision(decision, 't-1', 'w', { ...due, provisional: true }).task;
      const transition = task.moveDeadline(due, 'official arrangement');
      expect(task.snapshot.dueProvisional).toBe(false);
      expect(SupervisionTask.instantMoved(transition)).toBe(false);
    });

    it('changes nothing for the same deadline, or for an overdue or closed task', () => {
      expect(opened().moveDeadline(due, 'same')).toBeNull();
      const overdue = opened();
      overdue.markOverdue(now);
      expect(overdue.moveDeadline(later, 'x')).toBeNull();
      const closed = opened();
      closed.giveFeedback('done', now);
      expect(closed.moveDeadline(later, 'x')).toBeNull();
      expect(closed.snapshot.dueAt).toEqual(due.dueAt);
    });
  });
});
