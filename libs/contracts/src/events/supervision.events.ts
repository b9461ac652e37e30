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
} as const;

/** A supervision task opened because an approval result was pushed to the department. */
export interface SupervisionTaskOpenedV1 {
  taskId: string;
  applicationId: string;
  projectCode: string;
  departmentCode: string;
  dueAt: string;
}

/** 监管结果反馈: the supervising department acted and fed the result back. */
export interface SupervisionFeedbackGivenV1 {
  taskId: string;
  applicationId: string;
  departmentCode: string;
  outcome: string;
  givenAt: string;
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
