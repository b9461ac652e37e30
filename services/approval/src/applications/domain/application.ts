import { ApplicationAcceptedV1, ApprovalDecidedV1, ApprovalDecision, ApprovalEventTypes } from '@cityworks/contracts';
import { RuleViolation, Transition } from '@cityworks/platform';

export type ApplicationStatus = 'accepted' | ApprovalDecision;

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
  supervisionFeedbackWorkingDays: number;
  status: ApplicationStatus;
  acceptedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export type AcceptApplication = Omit<ApplicationState, 'id' | 'status' | 'acceptedAt' | 'decidedAt' | 'decisionReason'>;

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

  /** 受理: the desk accepts the application and its statutory clock starts. */
  static accept(input: AcceptApplication, id: string, now: Date): { application: Application; transition: Transition } {
    if (
      !Number.isInteger(input.supervisionFeedbackWorkingDays) ||
      input.supervisionFeedbackWorkingDays < FEEDBACK_DAYS.min ||
      input.supervisionFeedbackWorkingDays > FEEDBACK_DAYS.max
    ) {
      throw new RuleViolation(
        `supervisionFeedbackWorkingDays must be a whole number of working days from ${FEEDBACK_DAYS.min} to ${FEEDBACK_DAYS.max}`,
        'rule',
      );
    }
    const application = new Application({ ...input, id, status: 'accepted', acceptedAt: now, decidedAt: null, decisionReason: null });
    const accepted: ApplicationAcceptedV1 = {
      applicationId: id,
      projectCode: input.projectCode,
      itemCode: input.itemCode,
      departmentCode: input.departmentCode,
      regionCode: input.regionCode,
      acceptedAt: now.toISOString(),
    };
    return {
      application,
      transition: {
        action: 'application.accepted',
        before: null,
        after: { status: 'accepted', itemCode: input.itemCode, projectCode: input.projectCode },
        events: [{ type: ApprovalEventTypes.applicationAccepted, subject: id, data: accepted }],
      },
    };
  }

  /** Rebuilds an application from what was stored; no rule runs. */
  static restore(state: ApplicationState): Application {
    return new Application({ ...state });
  }

  get snapshot(): Readonly<ApplicationState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * 审批决定: approve or reject, once. A rejection gives its reason (不予许可须说明理由). The
   * result is pushed to the supervising department at once (审批结果推送).
   */
  decide({ decision, reason }: Decision, now: Date): Transition {
    if (this.state.status !== 'accepted') throw new RuleViolation(`application ${this.state.id} is already ${this.state.status}; a decision is made once`);
    const why = reason?.trim() ? reason : null;
    if (decision === 'rejected' && !why) throw new RuleViolation('reason is required when the decision is rejected', 'rule');
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
    };
    return {
      action: 'application.decided',
      before,
      after: { status: decision, reason: why },
      events: [{ type: ApprovalEventTypes.decided, subject: s.id, data: decided }],
    };
  }
}
