/**
 * Event types published by the complaints service on `complaints.events`. Payloads carry ids,
 * codes and times only: the complainant's identity and the complaint's text never leave the
 * complaints service (only the handling department may see them).
 */
export const ComplaintEventTypes = {
  received: 'complaints.received.v1',
  acknowledged: 'complaints.acknowledged.v1',
  answered: 'complaints.answered.v1',
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
