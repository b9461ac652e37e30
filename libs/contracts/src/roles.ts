/**
 * Roles named in a user's token. 谁审批谁负责、谁主管谁监管: besides the role, every action is
 * scoped to the user's department and region; only the reform office (工改办) sees all.
 */
export const Roles = {
  /** 审批人员 of an implementing department */
  approvalOfficer: 'approval-officer',
  /** 监管人员 of a supervising department */
  supervisionOfficer: 'supervision-officer',
  /** 执法检查人员, drawn for 双随机 inspections */
  inspector: 'inspector',
  /** 信用管理人员 */
  creditOfficer: 'credit-officer',
  /** 投诉处理人员 */
  complaintHandler: 'complaint-handler',
  /** 工改办: oversees everyone, maintains catalogs and calendars */
  reformOffice: 'reform-office',
  /** read-only, including the audit log */
  auditor: 'auditor',
  /** service-to-service calls */
  system: 'system',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];

/** What a verified token says about its holder; ids only. */
export interface AuthUser {
  userId: string;
  departmentCode: string;
  regionCode: string;
  roles: Role[];
}
