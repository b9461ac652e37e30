import { SupervisionEventTypes, SupervisionFeedbackGivenV1 } from '@cityworks/contracts';
import { MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';

/** Where a task came from: a 风险预警 pushed by the national system, an upheld complaint, another department's referral. */
export const InspectionTaskSources = ['risk-warning', 'complaint', 'referral'] as const;
export type InspectionTaskSource = (typeof InspectionTaskSources)[number];
export type InspectionTaskStatus = 'open' | 'overdue' | 'closed';

/** What a task is about and who must act, as its source states it. */
export interface InspectionTaskRequest {
  source: InspectionTaskSource;
  /** the warning's external id, the complaint id, `<actionId>:<department>` of a referral: one task per source record */
  sourceRef: string;
  /** digest of what the source said, to tell a repeated push from another matter under the same id */
  sourceDigest: string;
  /** who must act and feed back */
  departmentCode: string;
  regionCode: string;
  supervisionItemCode: string | null;
  subjectUscc: string | null;
  subjectName: string | null;
  projectCode: string | null;
  title: string;
  details: string;
  /** who asked: 国家互联网+监管系统, the complaint's handling department, the referring department */
  requestedBy: string;
  /** the referring 监管行为, for a referral */
  referringActionId: string | null;
}

export interface InspectionTaskState extends InspectionTaskRequest {
  id: string;
  status: InspectionTaskStatus;
  dueAt: Date;
  openedAt: Date;
  workflowId: string;
  feedbackOutcome: string | null;
  feedbackActionId: string | null;
  feedbackAt: Date | null;
  feedbackBy: string | null;
  overdueAt: Date | null;
}

/**
 * 专项检查 and other tasks to act on and feed back (风险预警反馈, 告知其他机关): opened once per
 * source record, due by a working-day deadline with the escalation ladder beside it, closed by
 * feedback (late feedback is still feedback), which goes out as supervision.feedback-given.v1.
 */
export class InspectionTask {
  private constructor(private state: InspectionTaskState) {}

  static open(
    request: InspectionTaskRequest,
    ids: { id: string; workflowId: string },
    dueAt: Date,
    now: Date,
  ): { task: InspectionTask; transition: Transition } {
    if (!request.title.trim()) throw new RuleViolation('title must not be blank', 'rule');
    if (dueAt.getTime() <= now.getTime()) throw new RuleViolation('the feedback deadline must be after the task is opened', 'rule');
    const task = new InspectionTask({
      ...request,
      id: ids.id,
      status: 'open',
      dueAt,
      openedAt: now,
      workflowId: ids.workflowId,
      feedbackOutcome: null,
      feedbackActionId: null,
      feedbackAt: null,
      feedbackBy: null,
      overdueAt: null,
    });
    return {
      task,
      transition: {
        action: 'inspection-task.opened',
        before: null,
        after: { source: request.source, sourceRef: request.sourceRef, departmentCode: request.departmentCode, dueAt: dueAt.toISOString() },
        events: [],
      },
    };
  }

  static restore(state: InspectionTaskState): InspectionTask {
    return new InspectionTask({ ...state });
  }

  get snapshot(): Readonly<InspectionTaskState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /** 反馈: what the department did and found, optionally the 监管行为 it recorded. */
  giveFeedback(outcome: string, actionId: string | null, by: string, now: Date): Transition {
    if (this.state.status === 'closed') throw new RuleViolation(`task ${this.state.id} already has feedback`);
    if (!outcome.trim()) throw new RuleViolation('outcome must say what the department did and found', 'rule');
    const before = { status: this.state.status };
    const onTime = now.getTime() <= this.state.dueAt.getTime();
    this.state = { ...this.state, status: 'closed', feedbackOutcome: outcome.trim(), feedbackActionId: actionId, feedbackAt: now, feedbackBy: by };
    const given: SupervisionFeedbackGivenV1 = {
      taskId: this.state.id,
      applicationId: '',
      departmentCode: this.state.departmentCode,
      outcome: outcome.trim(),
      givenAt: now.toISOString(),
      source: this.state.source,
      sourceRef: this.state.source === 'referral' ? this.state.referringActionId : this.state.sourceRef,
      actionId,
      onTime,
    };
    return {
      action: 'inspection-task.feedback-given',
      before,
      after: { status: 'closed', outcome: outcome.trim(), actionId, onTime },
      events: [{ type: SupervisionEventTypes.feedbackGiven, subject: this.state.id, data: given }],
    };
  }

  /** The deadline passed without feedback; asking again, or after feedback, changes nothing. */
  markOverdue(now: Date): MaybeTransition {
    if (this.state.status !== 'open') return NO_CHANGE;
    this.state = { ...this.state, status: 'overdue', overdueAt: now };
    return { action: 'inspection-task.overdue', before: { status: 'open' }, after: { status: 'overdue', dueAt: this.state.dueAt.toISOString() }, events: [] };
  }
}
