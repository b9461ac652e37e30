/** Event types published by the supervision service on `supervision.events`. */
export const SupervisionEventTypes = {
  taskOpened: 'supervision.task-opened.v1',
  feedbackGiven: 'supervision.feedback-given.v1',
  taskOverdue: 'supervision.task-overdue.v1',
  commitmentVerificationOpened: 'supervision.commitment-verification-opened.v1',
  commitmentKept: 'supervision.commitment-kept.v1',
  commitmentRectificationOrdered: 'supervision.commitment-rectification-ordered.v1',
  commitmentBroken: 'supervision.commitment-broken.v1',
  commitmentReviewRequested: 'supervision.commitment-review-requested.v1',
  commitmentReviewAnswered: 'supervision.commitment-review-answered.v1',
  checkRecorded: 'supervision.check-recorded.v1',
  penaltyDecided: 'supervision.penalty-decided.v1',
  campaignPublished: 'supervision.campaign-published.v1',
} as const;

/** A supervision task opened because an approval result was pushed to the department. */
export interface SupervisionTaskOpenedV1 {
  taskId: string;
  applicationId: string;
  projectCode: string;
  departmentCode: string;
  dueAt: string;
}

/** Where a task to act and feed back came from; absent on a feedback event means `approval`. */
export type SupervisionTaskSource = 'approval' | 'risk-warning' | 'complaint' | 'referral';

/**
 * 监管结果反馈: the supervising department acted and fed the result back. Tasks come from an
 * approval decision (审管联动) and, since `source` was added, from a 风险预警 of the national
 * 互联网+监管 system, an upheld complaint (专项检查) or another department's referral (告知其他
 * 机关); for those `applicationId` is '' and `sourceRef` names the warning, complaint or action.
 * A consumer that follows applications only skips events whose `source` is present and not `approval`.
 */
export interface SupervisionFeedbackGivenV1 {
  taskId: string;
  applicationId: string;
  departmentCode: string;
  outcome: string;
  givenAt: string;
  /** absent: approval */
  source?: SupervisionTaskSource;
  /** the 风险预警's external id, the complaint id, or the referring action's id */
  sourceRef?: string | null;
  /** the 监管行为 recorded in answer, when the department names one */
  actionId?: string | null;
  /** whether the feedback came by its deadline */
  onTime?: boolean;
}

export interface SupervisionTaskOverdueV1 {
  taskId: string;
  applicationId: string;
  departmentCode: string;
  dueAt: string;
  detectedAt: string;
}

/** 告知承诺核查 opened: a decision on commitment reached the supervising department. */
export interface CommitmentVerificationOpenedV1 {
  commitmentId: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  supervisingDepartmentCode: string;
  approvingDepartmentCode: string;
  ownerUscc: string;
  dueAt: string;
}

/** 守信: the verification found the commitment kept. Credit records it for the subject. */
export interface CommitmentKeptV1 {
  commitmentId: string;
  applicationId: string;
  ownerUscc: string;
  supervisingDepartmentCode: string;
  verifiedAt: string;
  /** whether the verification came by its deadline */
  onTime: boolean;
}

/** 责令限期整改: a minor breach; the subject must rectify by `rectificationDueAt`, re-checked by `recheckDueAt`. */
export interface CommitmentRectificationOrderedV1 {
  commitmentId: string;
  applicationId: string;
  ownerUscc: string;
  supervisingDepartmentCode: string;
  findings: string;
  rectificationDueAt: string;
  recheckDueAt: string;
  orderedAt: string;
}

/**
 * 失信: a serious breach or a false commitment. The approval is revoked (撤销行政审批决定), the
 * subject may not apply on commitment until `ineligibleUntil`, and credit records it.
 */
export interface CommitmentBrokenV1 {
  commitmentId: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  ownerUscc: string;
  supervisingDepartmentCode: string;
  approvingDepartmentCode: string;
  breach: 'serious-breach' | 'false-commitment';
  findings: string;
  ineligibleUntil: string;
  foundAt: string;
}

/** 函告审批部门复核: the approving department must review the case file and procedure and answer by `replyDueAt`. */
export interface CommitmentReviewRequestedV1 {
  commitmentId: string;
  applicationId: string;
  approvingDepartmentCode: string;
  supervisingDepartmentCode: string;
  replyDueAt: string;
  requestedAt: string;
}

/** The approving department answered the 复核 request (处置结果反馈监管部门). */
export interface CommitmentReviewAnsweredV1 {
  commitmentId: string;
  applicationId: string;
  approvingDepartmentCode: string;
  supervisingDepartmentCode: string;
  answeredAt: string;
  onTime: boolean;
}

/** 检查结果: what a 行政检查 found, in the words of the 互联网+监管 exchange. */
export const CheckResults = [
  /** 未发现问题 */
  'no-problem',
  /** 发现问题，责令整改 */
  'rectification-ordered',
  /** 发现违法违规，移交处罚 */
  'violation-found',
] as const;
export type CheckResult = (typeof CheckResults)[number];

/**
 * A 行政检查 was recorded (监管行为). Credit records a 失信 for `violation-found`; `campaignId`
 * is set for a 双随机 check so the campaign knows the result is in.
 */
export interface SupervisionCheckRecordedV1 {
  actionId: string;
  /** 检查计划编号, null for a check outside any plan */
  planId: string | null;
  campaignId: string | null;
  supervisionItemCode: string;
  departmentCode: string;
  subjectUscc: string;
  regionCode: string;
  result: CheckResult;
  checkedAt: string;
  reportedAt: string;
}

/** 行政处罚 decided. Credit records a 失信 for the subject; 双公示 publishes it within 7 days. */
export interface SupervisionPenaltyDecidedV1 {
  actionId: string;
  /** 处罚决定书文号 */
  documentNumber: string;
  subjectUscc: string;
  /** 行政相对人名称 */
  subjectName: string;
  /** 法定代表人 */
  legalRepresentative: string | null;
  supervisionItemCode: string;
  /** 处罚机关 */
  departmentCode: string;
  /** 违法行为类型 */
  violationType: string;
  /** 违法事实 */
  facts: string;
  /** 处罚依据 */
  legalBasis: string;
  /** 处罚类别: 警告, 罚款, 没收违法所得, 责令停产停业, 暂扣或者吊销许可证 … */
  category: string;
  /** 处罚内容 */
  content: string;
  /** 罚款金额 in yuan, two decimals as a string; null when no fine */
  fineAmount: string | null;
  /** 处罚决定日期, YYYY-MM-DD */
  decisionDate: string;
  /** how heavily credit should weigh it */
  severity: 'minor' | 'serious' | 'severe';
  decidedAt: string;
}

/** 一公开: a 双随机 campaign's draw, seed and results were published. */
export interface SupervisionCampaignPublishedV1 {
  campaignId: string;
  departmentCode: string;
  /** the revealed seed; its SHA-256 was published at announcement */
  seed: string;
  subjectsDrawn: number;
  publishedAt: string;
  publishDueAt: string;
  onTime: boolean;
}
