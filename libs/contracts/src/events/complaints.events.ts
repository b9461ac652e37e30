/**
 * Event types published by the complaints service on `complaints.events`. Payloads carry ids,
 * codes and times only: the complainant's identity and the complaint's text never leave the
 * complaints service (only the handling department may see them).
 */
export const ComplaintEventTypes = {
  received: 'complaints.received.v1',
  acknowledged: 'complaints.acknowledged.v1',
  answered: 'complaints.answered.v1',
  transferred: 'complaints.transferred.v1',
  reopened: 'complaints.reopened.v1',
  upheld: 'complaints.upheld.v1',
} as const;

/** 网站 / 热线 / 小程序 / 12345 政务服务便民热线 / 国家“互联网+监管”平台转办 */
export const ComplaintChannels = ['web', 'hotline', 'mini-program', '12345', 'national-platform'] as const;
export type ComplaintChannel = (typeof ComplaintChannels)[number];

/**
 * What the complaint is about; routes it to the department by duty (职责) and later decides
 * whether it triggers a targeted inspection or a credit record.
 */
export const ComplaintCategories = [
  /** 工程质量 */
  'construction-quality',
  /** 施工安全 */
  'construction-safety',
  /** 违法发包、转包、违法分包 */
  'illegal-contracting',
  /** 拖欠农民工工资 */
  'wage-arrears',
  /** 扬尘、噪声等环境问题 */
  'environment',
  /** 审批服务: delays, extra materials, conduct of staff */
  'approval-service',
  'other',
] as const;
export type ComplaintCategory = (typeof ComplaintCategories)[number];

export const ComplaintStatuses = ['received', 'acknowledged', 'answered'] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

/** 投诉举报 received; the handling department's deadlines start. */
export interface ComplaintReceivedV1 {
  complaintId: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  /** 属地: 6-digit 行政区划代码 */
  regionCode: string;
  /** the department responsible by duty (职责) */
  departmentCode: string;
  /** the complained-about market subject, when known (统一社会信用代码) */
  subjectUscc: string | null;
  projectCode: string | null;
  receivedAt: string;
  acknowledgeDueAt: string;
  answerDueAt: string;
}

export interface ComplaintAcknowledgedV1 {
  complaintId: string;
  departmentCode: string;
  acknowledgedAt: string;
  acknowledgeDueAt: string;
  onTime: boolean;
}

/** 有诉必应: the department answered. The answer text stays in the complaints service. */
export interface ComplaintAnsweredV1 {
  complaintId: string;
  departmentCode: string;
  answeredAt: string;
  answerDueAt: string;
  onTime: boolean;
}

/** 错转: the complaint went to the wrong department and was passed on; the clock does not restart. */
export interface ComplaintTransferredV1 {
  complaintId: string;
  fromDepartmentCode: string;
  toDepartmentCode: string;
  transferredAt: string;
}

/** The complainant was not satisfied; the 工改办 reviews it once. */
export interface ComplaintReopenedV1 {
  complaintId: string;
  departmentCode: string;
  reopenedAt: string;
  reviewDueAt: string;
}

/**
 * The complaint was found substantiated (属实). Supervision opens a 专项检查 for a violation
 * report; credit records a 失信 against the subject when there is one; the department's monthly
 * 通报 counts complaints about its own conduct (`category: 'approval-service'`).
 */
export interface ComplaintUpheldV1 {
  complaintId: string;
  category: ComplaintCategory;
  regionCode: string;
  /** the handling department, which found it substantiated */
  departmentCode: string;
  subjectUscc: string | null;
  projectCode: string | null;
  /** the item concerned, when known */
  itemCode: string | null;
  upheldAt: string;
}
