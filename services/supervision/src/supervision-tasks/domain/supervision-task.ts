import { ApprovalDecidedV1, SupervisionEventTypes, SupervisionFeedbackGivenV1, SupervisionTaskOpenedV1, SupervisionTaskOverdueV1 } from '@cityworks/contracts';
import { MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';

export type SupervisionTaskStatus = 'open' | 'overdue' | 'closed';

/** A deadline as the calendar computed it: provisional when it crosses a year with no official arrangement yet. */
export interface Deadline {
  dueAt: Date;
  provisional: boolean;
}

/** Everything a supervision task is; the persistence mapper stores and restores exactly this. */
export interface SupervisionTaskState {
  id: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  /** 监管部门: owns the task (谁主管谁监管) */
  departmentCode: string;
  /** 实施部门 that decided; may follow the task */
  approvingDepartmentCode: string;
  regionCode: string;
  ownerUscc: string;
  decision: string;
  onCommitment: boolean;
  status: SupervisionTaskStatus;
  dueAt: Date;
  dueProvisional: boolean;
  /** the deadline counts working days from the decision day (not counted) */
  decidedAt: Date | null;
  feedbackWorkingDays: number | null;
  workflowId: string;
  feedbackOutcome: string | null;
  feedbackAt: Date | null;
  overdueAt: Date | null;
}

/**
 * 审管联动 task: a decision pushed to the supervising department (审批结果推送), which must act on
 * it and feed the result back (监管结果反馈) by its deadline. Every rule of its life is here.
 */
export class SupervisionTask {
  private constructor(private state: SupervisionTaskState) {}

  /** A pushed decision opens a task for the supervising department, due after its feedback period. */
  static openFromDecision(decision: ApprovalDecidedV1, id: string, workflowId: string, deadline: Deadline): { task: SupervisionTask; transition: Transition } {
    const task = new SupervisionTask({
      id,
      applicationId: decision.applicationId,
      projectCode: decision.projectCode,
      itemCode: decision.itemCode,
      departmentCode: decision.supervisingDepartmentCode,
      approvingDepartmentCode: decision.approvingDepartmentCode,
      regionCode: decision.regionCode,
      ownerUscc: decision.ownerUscc,
      decision: decision.decision,
      onCommitment: decision.onCommitment,
      status: 'open',
      dueAt: deadline.dueAt,
      dueProvisional: deadline.provisional,
      decidedAt: new Date(decision.decidedAt),
      feedbackWorkingDays: decision.supervisionFeedbackWorkingDays,
      workflowId,
      feedbackOutcome: null,
      feedbackAt: null,
      overdueAt: null,
    });
    const opened: SupervisionTaskOpenedV1 = {
      taskId: id,
      applicationId: decision.applicationId,
      projectCode: decision.projectCode,
      departmentCode: decision.supervisingDepartmentCode,
      dueAt: deadline.dueAt.toISOString(),
    };
    return {
      task,
      transition: {
        action: 'supervision-task.opened',
        before: null,
        after: { status: 'open', applicationId: decision.applicationId, dueAt: deadline.dueAt.toISOString() },
        events: [{ type: SupervisionEventTypes.taskOpened, subject: id, data: opened }],
      },
    };
  }

  /** Rebuilds a task from what was stored; no rule runs. */
  static restore(state: SupervisionTaskState): SupervisionTask {
    return new SupervisionTask({ ...state });
  }

  get snapshot(): Readonly<SupervisionTaskState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /** 监管结果反馈 closes an open task, and an overdue one too: late feedback is still feedback. */
  giveFeedback(outcome: string, now: Date): Transition {
    if (this.state.status === 'closed') throw new RuleViolation(`supervision task ${this.state.id} already has feedback`);
    if (!outcome.trim()) throw new RuleViolation('outcome must say what the department did and found', 'rule');
    const before = { status: this.state.status };
    this.state = { ...this.state, status: 'closed', feedbackOutcome: outcome, feedbackAt: now };
    const given: SupervisionFeedbackGivenV1 = {
      taskId: this.state.id,
      applicationId: this.state.applicationId,
      departmentCode: this.state.departmentCode,
      outcome,
      givenAt: now.toISOString(),
    };
    return {
      action: 'supervision-task.feedback-given',
      before,
      after: { status: 'closed', outcome },
      events: [{ type: SupervisionEventTypes.feedbackGiven, subject: this.state.id, data: given }],
    };
  }

  /**
   * The deadline passed without feedback. Only an open task becomes overdue; asking again, or
   * after feedback arrived, changes nothing (the workflow may ask more than once).
   */
  markOverdue(now: Date): MaybeTransition {
    if (this.state.status !== 'open') return NO_CHANGE;
    this.state = { ...this.state, status: 'overdue', overdueAt: now };
    const overdue: SupervisionTaskOverdueV1 = {
      taskId: this.state.id,
      applicationId: this.state.applicationId,
      departmentCode: this.state.departmentCode,
      dueAt: this.state.dueAt.toISOString(),
      detectedAt: now.toISOString(),
    };
    return {
      action: 'supervision-task.overdue',
      before: { status: 'open' },
      after: { status: 'overdue' },
      events: [{ type: SupervisionEventTypes.taskOverdue, subject: this.state.id, data: overdue }],
    };
  }

  /**
   * The deadline was computed again (an official holiday arrangement replaced a provisional
   * one, or an earlier revision was restored). Only an open task moves: an overdue or closed
   * task keeps the deadline it was judged by, since escalation may already have acted on it.
   */
  moveDeadline(deadline: Deadline, reason: string): MaybeTransition {
    if (this.state.status !== 'open') return NO_CHANGE;
    if (deadline.dueAt.getTime() === this.state.dueAt.getTime() && deadline.provisional === this.state.dueProvisional) return NO_CHANGE;
    const before = { dueAt: this.state.dueAt.toISOString(), dueProvisional: this.state.dueProvisional };
    this.state = { ...this.state, dueAt: deadline.dueAt, dueProvisional: deadline.provisional };
    return {
      action: 'supervision-task.deadline-recomputed',
      before,
      after: { dueAt: deadline.dueAt.toISOString(), dueProvisional: deadline.provisional, reason },
      events: [],
    };
  }

  /** Whether a change of deadline is one the workflow must hear of (the instant moved). */
  static instantMoved(transition: MaybeTransition): boolean {
    return !!transition && transition.before?.dueAt !== transition.after?.dueAt;
  }
}
