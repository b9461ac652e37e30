import type { ApprovalStage, ProjectType } from '../catalog/catalog-vocabulary';
import type { ProjectFactName, ProjectFacts } from '../catalog/project-facts';

/** Event types published by the approval service on `approval.events`. */
export const ApprovalEventTypes = {
  applicationAccepted: 'approval.application-accepted.v1',
  decided: 'approval.decided.v1',
  projectRegistered: 'approval.project-registered.v1',
  projectFactsChanged: 'approval.project-facts-changed.v1',
  clockStopped: 'approval.clock-stopped.v1',
  clockResumed: 'approval.clock-resumed.v1',
  illegalClockStopAttempted: 'approval.illegal-clock-stop-attempted.v1',
  revoked: 'approval.revoked.v1',
  applicationOverdue: 'approval.application-overdue.v1',
  projectStageReached: 'approval.project-stage-reached.v1',
  projectCompleted: 'approval.project-completed.v1',
  jointReviewOpinionGiven: 'approval.joint-review-opinion-given.v1',
  commitmentEligibilityCancelled: 'approval.commitment-eligibility-cancelled.v1',
} as const;

export type ApprovalDecision = 'approved' | 'rejected';

/** 受理: an application (办件) was accepted; its statutory clock starts. */
export interface ApplicationAcceptedV1 {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  regionCode: string;
  acceptedAt: string;
  /** 联合审图/联合验收: the 参与部门 whose opinions the decision waits for; absent when there is no joint review */
  participatingDepartmentCodes?: string[];
}

/**
 * 审批结果推送: a decision, pushed at once to the supervising department (双告知).
 * Carries ids only, no personal data.
 */
export interface ApprovalDecidedV1 {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  /** 实施部门 */
  approvingDepartmentCode: string;
  /** 监管部门: the same as the approving one under 审管一体, another under 审管分离 */
  supervisingDepartmentCode: string;
  regionCode: string;
  /** 统一社会信用代码 of the 建设单位 */
  ownerUscc: string;
  decision: ApprovalDecision;
  /** 告知承诺: approved on the applicant's commitment, to be verified afterwards */
  onCommitment: boolean;
  decidedAt: string;
  /** working days the supervising department has to act on the pushed result */
  supervisionFeedbackWorkingDays: number;
  /** 告知承诺核查: working days the supervising department has to verify the commitment; null unless approved on commitment */
  commitmentVerificationWorkingDays?: number | null;
}

/** 暂停计时: an application's statutory clock stopped for a reason its catalog item allows. */
export interface ClockStoppedV1 {
  applicationId: string;
  itemCode: string;
  departmentCode: string;
  reason: string;
  stoppedAt: string;
}

/** The clock runs again; the deadline moves by the working days it was stopped. */
export interface ClockResumedV1 {
  applicationId: string;
  departmentCode: string;
  reason: string;
  stoppedAt: string;
  resumedAt: string;
}

/**
 * 不得违规暂停计时: a department tried to stop the clock for a reason the item does not allow.
 * Refused, and counted against the department (the 工改办's report, the monthly 通报).
 */
export interface IllegalClockStopAttemptedV1 {
  applicationId: string;
  itemCode: string;
  departmentCode: string;
  reason: string;
  allowedReasons: string[];
  attemptedAt: string;
}

/**
 * A project (工程建设项目) was registered in approval. Ids, codes and the facts its stage
 * templates' conditions test (what `requiredItemsForStage` takes); the owner (建设单位) is named by
 * 统一社会信用代码 only, and the project's name is not carried.
 */
export interface ProjectRegisteredV1 {
  projectId: string;
  /** 项目代码 */
  projectCode: string;
  /** one of the catalog's stage-template project types */
  projectType: ProjectType;
  /** 行政区划代码 (6 digits) */
  regionCode: string;
  /** 建设单位 统一社会信用代码 */
  ownerUscc: string;
  /** the facts known at registration; a fact left out is not known yet */
  facts: ProjectFacts;
  registeredAt: string;
}

/** The lifecycle workflow opened the project's next stage (立项用地规划许可 → … → 竣工验收). */
export interface ProjectStageReachedV1 {
  projectId: string;
  projectCode: string;
  stage: ApprovalStage;
  previousStage: ApprovalStage | null;
  reachedAt: string;
}

/** 竣工验收 done (and 市政公用报装): the project's approvals are complete and it is closed. */
export interface ProjectCompletedV1 {
  projectId: string;
  projectCode: string;
  completedAt: string;
}

/**
 * An application passed its statutory deadline undecided with its clock running: the escalation
 * ladder starts from here (预警 and 提醒函 to the implementing department).
 */
export interface ApplicationOverdueV1 {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  regionCode: string;
  dueAt: string;
  overdueSince: string;
}

/** A project's facts were replaced: the whole set now known, and which facts were added, changed or removed. */
export interface ProjectFactsChangedV1 {
  projectId: string;
  projectCode: string;
  facts: ProjectFacts;
  changedFacts: ProjectFactName[];
  changedAt: string;
}

/** Why an approval is revoked (撤销), and on whose finding. */
export const RevocationSources = ['告知承诺核查不实', '监管发现违法', '行政复议决定', '行政诉讼判决', '自行纠错'] as const;
export type RevocationSource = (typeof RevocationSources)[number];

/**
 * 撤销: an approval is withdrawn — a commitment found untrue, a violation found by supervision, a
 * reconsideration or court ruling, or the department correcting itself. Credit and supervision
 * act on it; no personal data.
 */
export interface ApprovalRevokedV1 {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  supervisingDepartmentCode: string;
  ownerUscc: string;
  onCommitment: boolean;
  source: RevocationSource;
  reason: string;
  revokedAt: string;
}

/**
 * A participating department's opinion in a joint review (联合审图, 联合验收): agreed, agreed on
 * conditions it states, or refused with its reasons.
 */
export const JointReviewOpinions = ['同意', '有条件同意', '不同意'] as const;
export type JointReviewOpinion = (typeof JointReviewOpinions)[number];

/**
 * A participating department (参与部门) gave its opinion in an application's joint review. The
 * implementing department decides once `waitingDepartmentCodes` is empty. Codes only: the note
 * stays on the application.
 */
export interface JointReviewOpinionGivenV1 {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  /** 实施部门, which decides */
  implementingDepartmentCode: string;
  /** the participating department that answered */
  departmentCode: string;
  opinion: JointReviewOpinion;
  givenAt: string;
  /** participants that have not answered yet */
  waitingDepartmentCodes: string[];
}

/**
 * 取消告知承诺资格: after a broken commitment (告知承诺核查不实) the subject may not apply on
 * commitment until `until`; approval refuses such applications, naming the reason.
 */
export interface CommitmentEligibilityCancelledV1 {
  ownerUscc: string;
  commitmentId: string;
  applicationId: string;
  reason: string;
  cancelledAt: string;
  until: string;
}
