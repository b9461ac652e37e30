import {
  ApplicationAcceptedV1,
  ApprovalDecidedV1,
  ApprovalDecision,
  ApprovalEventTypes,
  ApprovalItemSnapshot,
  ApprovalRevokedV1,
  ApprovalStage,
  ApplicationOverdueV1,
  ClockResumedV1,
  ClockStoppedV1,
  ClockStopReason,
  IllegalClockStopAttemptedV1,
  JointReviewOpinion,
  JointReviewOpinionGivenV1,
  RevocationSource,
  SupervisionMode,
} from '@cityworks/contracts';
import { MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';
import { JointReviewParticipant, participantsNamed, waitingParticipants, withOpinion } from './joint-review';

export type ApplicationStatus = 'accepted' | ApprovalDecision | 'revoked';

/** Everything an application (办件) is; the persistence mapper stores and restores exactly this. */
export interface ApplicationState {
  id: string;
  /** 项目代码 */
  projectCode: string;
  /** 审批事项编码 */
  itemCode: string;
  /** 实施部门: decides, and answers for the decision (谁审批谁负责) */
  departmentCode: string;
  /** 监管部门: receives the result (审批结果推送); the same under 审管一体, another under 审管分离 */
  supervisingDepartmentCode: string;
  regionCode: string;
  /** 建设单位 统一社会信用代码 */
  ownerUscc: string;
  /** 告知承诺: approved on the applicant's commitment, verified afterwards */
  onCommitment: boolean;
  /** 绿色通道: the owner was graded A by credit at 受理, so 容缺受理 (missing materials made up later) is allowed */
  greenChannel: boolean;
  supervisionFeedbackWorkingDays: number;
  status: ApplicationStatus;
  acceptedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  /**
   * What the catalog item version in force at acceptance says, recorded on the application so
   * later catalog changes never alter a running clock; null for applications accepted before
   * the catalog copy existed.
   */
  terms: StatutoryTerms | null;
  /** 暂停计时, oldest first; at most the last one is open */
  clockStops: ClockStopRecord[];
  /** stops refused because the item does not allow their reason (不得违规暂停计时) */
  illegalClockStopAttempts: number;
  /** 监管结果反馈 from the supervising department, once it acted on the pushed decision */
  supervisionFeedback: SupervisionFeedbackRecord | null;
  /** 撤销 of an approval: when, why and on whose finding; null while it stands */
  revocation: RevocationRecord | null;
  /** when the deadline first passed undecided with the clock running (逾期); null if it never did */
  overdueSince: Date | null;
  /** 联合审图/联合验收: the participating departments (参与部门) and their opinions; empty without a joint review */
  jointReview: JointReviewParticipant[];
}

export interface RevocationRecord {
  source: RevocationSource;
  reason: string;
  revokedAt: Date;
}

export interface SupervisionFeedbackRecord {
  taskId: string;
  departmentCode: string;
  outcome: string;
  givenAt: Date;
}

/** The statutory terms of an application, from its catalog item version. */
export interface StatutoryTerms {
  itemVersion: number;
  /** the stage the item belongs to (absent on applications accepted before it was recorded) */
  stage?: ApprovalStage;
  /** the list the version comes from (the region's own or one above it) */
  itemRegionCode: string;
  timeLimitWorkingDays: number;
  allowedClockStops: ClockStopReason[];
  commitmentAllowed: boolean;
  commitmentVerificationWorkingDays: number | null;
  supervisionMode: SupervisionMode;
}

export interface ClockStopRecord {
  reason: ClockStopReason;
  note: string | null;
  from: Date;
  to: Date | null;
}

/** What the desk says when it accepts (受理); everything statutory comes from the item. */
export interface AcceptApplication {
  projectCode: string;
  itemCode: string;
  /** the accepting department: must be the item's 实施部门 */
  departmentCode: string;
  regionCode: string;
  ownerUscc: string;
  onCommitment: boolean;
  /** the owner's credit grade is A (绿色通道), as approval's credit read model says at 受理 */
  greenChannel?: boolean;
  /** 联合审图/联合验收: the departments whose opinions the decision waits for; none when absent or empty */
  participatingDepartmentCodes?: readonly string[] | null;
}

/** A clock-stop asked for: taken when the item allows its reason, else refused and recorded. */
export type ClockStopOutcome = { taken: true; transition: Transition } | { taken: false; transition: Transition; refusal: RuleViolation };

export interface Decision {
  decision: ApprovalDecision;
  reason?: string | null;
}

const FEEDBACK_DAYS = { min: 1, max: 365 };

/**
 * 办件: one approval item applied for by one project. Every rule of its life is here, as pure
 * transitions that return what they caused; the application service loads, calls and saves.
 */
export class Application {
  private constructor(private state: ApplicationState) {}

  /**
   * 受理: the desk accepts the application for one item of one project and its statutory clock
   * starts. The item version in force decides who implements, who supervises, the time limit,
   * the allowed clock-stops and whether 告知承诺 is possible; the caller cannot override them.
   */
  static accept(request: AcceptApplication, item: ApprovalItemSnapshot, id: string, now: Date): { application: Application; transition: Transition } {
    const { participatingDepartmentCodes, greenChannel, ...input } = request;
    if (item.code !== input.itemCode) throw new RuleViolation(`catalog item ${item.code} is not the item applied for (${input.itemCode})`, 'rule');
    if (item.retired) throw new RuleViolation(`item ${item.code} is retired (事项取消) since ${item.effectiveFrom}`, 'rule');
    if (item.departmentCode !== input.departmentCode) {
      throw new RuleViolation(
        `department ${input.departmentCode} does not implement item ${item.code}: its 实施部门 is ${item.departmentCode} (catalog version ${item.version})`,
        'rule',
      );
    }
    if (input.onCommitment && !item.commitmentAllowed) {
      throw new RuleViolation(`item ${item.code} does not allow approval on commitment (告知承诺制) in catalog version ${item.version}`, 'rule');
    }
    if (
      !Number.isInteger(item.supervisionFeedbackWorkingDays) ||
      item.supervisionFeedbackWorkingDays < FEEDBACK_DAYS.min ||
      item.supervisionFeedbackWorkingDays > FEEDBACK_DAYS.max
    ) {
      throw new RuleViolation(
        `supervisionFeedbackWorkingDays must be a whole number of working days from ${FEEDBACK_DAYS.min} to ${FEEDBACK_DAYS.max}`,
        'rule',
      );
    }
    const jointReview = participantsNamed(participatingDepartmentCodes, input.departmentCode);
    const participating = jointReview.map((p) => p.departmentCode);
    const terms: StatutoryTerms = {
      itemVersion: item.version,
      stage: item.stage,
      itemRegionCode: item.regionCode,
      timeLimitWorkingDays: item.timeLimitWorkingDays,
      allowedClockStops: [...item.allowedClockStops],
      commitmentAllowed: item.commitmentAllowed,
      commitmentVerificationWorkingDays: item.commitmentVerificationWorkingDays,
      supervisionMode: item.supervisionMode,
    };
    const application = new Application({
      ...input,
      id,
      greenChannel: greenChannel ?? false,
      supervisingDepartmentCode: item.supervisingDepartmentCode,
      supervisionFeedbackWorkingDays: item.supervisionFeedbackWorkingDays,
      status: 'accepted',
      acceptedAt: now,
      decidedAt: null,
      decisionReason: null,
      terms,
      clockStops: [],
      illegalClockStopAttempts: 0,
      supervisionFeedback: null,
      revocation: null,
      overdueSince: null,
      jointReview,
    });
    const accepted: ApplicationAcceptedV1 = {
      applicationId: id,
      projectCode: input.projectCode,
      itemCode: input.itemCode,
      departmentCode: input.departmentCode,
      regionCode: input.regionCode,
      acceptedAt: now.toISOString(),
      ...(participating.length ? { participatingDepartmentCodes: participating } : {}),
    };
    return {
      application,
      transition: {
        action: 'application.accepted',
        before: null,
        after: {
          status: 'accepted',
          itemCode: input.itemCode,
          itemVersion: item.version,
          projectCode: input.projectCode,
          timeLimitWorkingDays: item.timeLimitWorkingDays,
          ...(participating.length ? { participatingDepartmentCodes: participating } : {}),
        },
        events: [{ type: ApprovalEventTypes.applicationAccepted, subject: id, data: accepted }],
      },
    };
  }

  /** Rebuilds an application from what was stored; no rule runs. */
  static restore(state: ApplicationState): Application {
    return new Application({
      ...state,
      clockStops: state.clockStops.map((stop) => ({ ...stop })),
      supervisionFeedback: state.supervisionFeedback ? { ...state.supervisionFeedback } : null,
      revocation: state.revocation ? { ...state.revocation } : null,
      jointReview: state.jointReview.map((participant) => ({ ...participant })),
    });
  }

  get snapshot(): Readonly<ApplicationState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * The departments that may read the application: the implementing one (谁审批谁负责), the
   * supervising one (谁主管谁监管) and the participants of its joint review.
   */
  get concernedDepartmentCodes(): string[] {
    const s = this.state;
    return [s.departmentCode, s.supervisingDepartmentCode, ...s.jointReview.map((p) => p.departmentCode)];
  }

  /** Participants of the joint review that have not given their opinion yet. */
  get waitingJointReviewDepartments(): string[] {
    return waitingParticipants(this.state.jointReview);
  }

  isJointReviewParticipant(departmentCode: string): boolean {
    return this.state.jointReview.some((p) => p.departmentCode === departmentCode);
  }

  /**
   * 审批决定: approve or reject, once. A rejection gives its reason (不予许可须说明理由). The
   * result is pushed to the supervising department at once (审批结果推送).
   */
  decide({ decision, reason }: Decision, now: Date): Transition {
    if (this.state.status !== 'accepted') throw new RuleViolation(`application ${this.state.id} is already ${this.state.status}; a decision is made once`);
    const why = reason?.trim() ? reason : null;
    if (decision === 'rejected' && !why) throw new RuleViolation('reason is required when the decision is rejected', 'rule');
    if (this.openClockStop)
      throw new RuleViolation(`application ${this.state.id} has its clock stopped (${this.openClockStop.reason}); resume it before deciding`);
    const waiting = this.waitingJointReviewDepartments;
    if (waiting.length)
      throw new RuleViolation(
        `application ${this.state.id} waits for the joint-review opinions of ${waiting.join(', ')}; decide once every participating department has answered`,
      );
    const before = { status: this.state.status };
    this.state = { ...this.state, status: decision, decidedAt: now, decisionReason: why };
    const s = this.state;
    const decided: ApprovalDecidedV1 = {
      applicationId: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      approvingDepartmentCode: s.departmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      decision,
      onCommitment: s.onCommitment,
      decidedAt: now.toISOString(),
      supervisionFeedbackWorkingDays: s.supervisionFeedbackWorkingDays,
      // 告知承诺核查 starts from this decision, on the item version's verification period
      commitmentVerificationWorkingDays: decision === 'approved' && s.onCommitment ? (s.terms?.commitmentVerificationWorkingDays ?? null) : null,
    };
    return {
      action: 'application.decided',
      before,
      after: { status: decision, reason: why },
      events: [{ type: ApprovalEventTypes.decided, subject: s.id, data: decided }],
    };
  }

  get openClockStop(): ClockStopRecord | null {
    const last = this.state.clockStops[this.state.clockStops.length - 1];
    return last && last.to === null ? last : null;
  }

  /**
   * 暂停计时: only while the application waits for a decision, one stop at a time, and only
   * for a reason its item allows. A reason the item does not allow is refused and recorded as
   * an attempted illegal pause (不得违规暂停计时), visible to the 工改办.
   */
  stopClock(reason: ClockStopReason, note: string | null, now: Date): ClockStopOutcome {
    if (this.state.status !== 'accepted') throw new RuleViolation(`application ${this.state.id} is already ${this.state.status}; its clock no longer runs`);
    if (!this.state.terms) throw new RuleViolation(`application ${this.state.id} was accepted without catalog terms; its clock cannot be stopped here`);
    if (this.openClockStop)
      throw new RuleViolation(
        `application ${this.state.id} has its clock stopped already (${this.openClockStop.reason} since ${this.openClockStop.from.toISOString()})`,
      );
    const s = this.state;
    const allowed = s.terms!.allowedClockStops;
    if (!allowed.includes(reason)) {
      this.state = { ...s, illegalClockStopAttempts: s.illegalClockStopAttempts + 1 };
      const attempted: IllegalClockStopAttemptedV1 = {
        applicationId: s.id,
        itemCode: s.itemCode,
        departmentCode: s.departmentCode,
        reason,
        allowedReasons: [...allowed],
        attemptedAt: now.toISOString(),
      };
      return {
        taken: false,
        refusal: new RuleViolation(
          `reason ${reason} is not a clock-stop item ${s.itemCode} allows (allowed: ${allowed.join('、') || 'none'}); the attempt is recorded (不得违规暂停计时)`,
          'rule',
        ),
        transition: {
          action: 'application.illegal-clock-stop-attempted',
          before: { illegalClockStopAttempts: s.illegalClockStopAttempts },
          after: { illegalClockStopAttempts: s.illegalClockStopAttempts + 1, reason, allowedReasons: [...allowed] },
          events: [{ type: ApprovalEventTypes.illegalClockStopAttempted, subject: s.id, data: attempted }],
        },
      };
    }
    this.state = { ...s, clockStops: [...s.clockStops, { reason, note, from: now, to: null }] };
    const stopped: ClockStoppedV1 = { applicationId: s.id, itemCode: s.itemCode, departmentCode: s.departmentCode, reason, stoppedAt: now.toISOString() };
    return {
      taken: true,
      transition: {
        action: 'application.clock-stopped',
        before: { clockStopped: false },
        after: { clockStopped: true, reason, note },
        events: [{ type: ApprovalEventTypes.clockStopped, subject: s.id, data: stopped }],
      },
    };
  }

  /** The clock runs again; the deadline moves by the working days it was stopped. */
  resumeClock(now: Date): Transition {
    const open = this.openClockStop;
    if (!open) throw new RuleViolation(`application ${this.state.id} has no stopped clock to resume`);
    if (now < open.from) throw new RuleViolation('a clock-stop cannot end before it started', 'rule');
    const stops = this.state.clockStops.map((stop) => (stop === open ? { ...stop, to: now } : stop));
    this.state = { ...this.state, clockStops: stops };
    const resumed: ClockResumedV1 = {
      applicationId: this.state.id,
      departmentCode: this.state.departmentCode,
      reason: open.reason,
      stoppedAt: open.from.toISOString(),
      resumedAt: now.toISOString(),
    };
    return {
      action: 'application.clock-resumed',
      before: { clockStopped: true, reason: open.reason },
      after: { clockStopped: false, stoppedAt: open.from.toISOString(), resumedAt: now.toISOString() },
      events: [{ type: ApprovalEventTypes.clockResumed, subject: this.state.id, data: resumed }],
    };
  }

  /**
   * 审管联动 both ways: the supervising department's feedback on the pushed decision is shown on
   * the application. Only the application's supervising department answers, and only a decided
   * application; the same feedback again changes nothing.
   */
  recordSupervisionFeedback(feedback: SupervisionFeedbackRecord): MaybeTransition {
    const s = this.state;
    if (feedback.departmentCode !== s.supervisingDepartmentCode) {
      throw new RuleViolation(
        `feedback on application ${s.id} came from ${feedback.departmentCode}, but its supervising department is ${s.supervisingDepartmentCode}`,
        'rule',
      );
    }
    if (s.status === 'accepted') throw new RuleViolation(`application ${s.id} is not decided yet; there is nothing to give feedback on`);
    const known = s.supervisionFeedback;
    if (known && known.taskId === feedback.taskId && known.givenAt.getTime() === feedback.givenAt.getTime()) return NO_CHANGE;
    this.state = { ...s, supervisionFeedback: { ...feedback } };
    return {
      action: 'application.supervision-feedback-received',
      before: known ? { outcome: known.outcome, givenAt: known.givenAt.toISOString() } : null,
      after: { taskId: feedback.taskId, departmentCode: feedback.departmentCode, outcome: feedback.outcome, givenAt: feedback.givenAt.toISOString() },
      events: [],
    };
  }

  /**
   * 联合审图/联合验收: a participating department gives its opinion, once, while the application
   * waits for its decision. A refusal (不同意) states its reasons and a conditional agreement its
   * conditions in the note.
   */
  giveJointReviewOpinion(departmentCode: string, opinion: JointReviewOpinion, note: string | null, now: Date): Transition {
    const s = this.state;
    if (!this.isJointReviewParticipant(departmentCode))
      throw new RuleViolation(`department ${departmentCode} is not a participating department (参与部门) of application ${s.id}`, 'rule');
    if (s.status !== 'accepted') throw new RuleViolation(`application ${s.id} is already ${s.status}; its joint review is over`);
    const jointReview = withOpinion(s.jointReview, departmentCode, opinion, note, now);
    this.state = { ...s, jointReview };
    const waitingDepartmentCodes = waitingParticipants(jointReview);
    const event: JointReviewOpinionGivenV1 = {
      applicationId: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      implementingDepartmentCode: s.departmentCode,
      departmentCode,
      opinion,
      givenAt: now.toISOString(),
      waitingDepartmentCodes,
    };
    return {
      action: 'application.joint-review-opinion-given',
      before: { departmentCode, opinion: null, waitingDepartmentCodes: waitingParticipants(s.jointReview) },
      after: { departmentCode, opinion, note: jointReview.find((p) => p.departmentCode === departmentCode)?.note ?? null, waitingDepartmentCodes },
      events: [{ type: ApprovalEventTypes.jointReviewOpinionGiven, subject: s.id, data: event }],
    };
  }

  /**
   * 撤销: an approval is withdrawn, with its reason and the finding it rests on. Only an
   * approval stands to be revoked (a rejection or an open application has nothing to withdraw),
   * and only once.
   */
  revoke(source: RevocationSource, reason: string, now: Date): Transition {
    const s = this.state;
    if (s.status !== 'approved') throw new RuleViolation(`application ${s.id} is ${s.status}; only an approval can be revoked`);
    if (!reason.trim()) throw new RuleViolation('reason is required to revoke an approval', 'rule');
    this.state = { ...s, status: 'revoked', revocation: { source, reason, revokedAt: now } };
    const revoked: ApprovalRevokedV1 = {
      applicationId: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      ownerUscc: s.ownerUscc,
      onCommitment: s.onCommitment,
      source,
      reason,
      revokedAt: now.toISOString(),
    };
    return {
      action: 'application.revoked',
      before: { status: 'approved' },
      after: { status: 'revoked', source, reason },
      events: [{ type: ApprovalEventTypes.revoked, subject: s.id, data: revoked }],
    };
  }

  /**
   * 逾期: the deadline passed undecided with the clock running (the caller read the clock). Noted
   * once, when it first happens, and said to the escalation ladder; later readings change nothing.
   */
  markOverdue(dueAt: Date, now: Date): MaybeTransition {
    const s = this.state;
    if (s.status !== 'accepted' || s.overdueSince) return NO_CHANGE;
    if (this.openClockStop) throw new RuleViolation(`application ${s.id} has its clock stopped; it cannot become overdue`);
    if (now <= dueAt) throw new RuleViolation(`application ${s.id} is due ${dueAt.toISOString()}; it is not overdue yet`);
    this.state = { ...s, overdueSince: now };
    const overdue: ApplicationOverdueV1 = {
      applicationId: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      dueAt: dueAt.toISOString(),
      overdueSince: now.toISOString(),
    };
    return {
      action: 'application.overdue',
      before: { overdueSince: null },
      after: { overdueSince: now.toISOString(), dueAt: dueAt.toISOString() },
      events: [{ type: ApprovalEventTypes.applicationOverdue, subject: s.id, data: overdue }],
    };
  }
}
