/** Event types published by the approval service on `approval.events`. */
export const ApprovalEventTypes = {
  applicationAccepted: 'approval.application-accepted.v1',
  decided: 'approval.decided.v1',
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
}
