import { randomUUID } from 'node:crypto';
import { ApprovalDecidedV1, ApprovalEventTypes, IntegrationEvent } from '@cityworks/contracts';

/**
 * An `approval.decided.v1` as approval publishes it, for a new application each call: 施工许可
 * approved by the 行政审批局, supervised by 住建局 within 3 working days, decided 2026-09-30 (the
 * eve of National Day), not on commitment. Supervision's tests hand it to the consumer's inbox
 * path directly.
 */
export function approvalDecidedEvent(overrides: Partial<ApprovalDecidedV1> = {}): IntegrationEvent<ApprovalDecidedV1> {
  const applicationId = randomUUID();
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/cityworks/approval',
    type: ApprovalEventTypes.decided,
    time: new Date().toISOString(),
    subject: applicationId,
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data: {
      applicationId,
      projectCode: 'P-SUP-1',
      itemCode: 'JS-SGXK-001',
      approvingDepartmentCode: 'AS-XZSPJ',
      supervisingDepartmentCode: 'AS-ZJJ',
      regionCode: '210302',
      ownerUscc: '91350100M000100Y43',
      decision: 'approved',
      onCommitment: false,
      decidedAt: '2026-09-30T02:00:00.000Z',
      supervisionFeedbackWorkingDays: 3,
      ...overrides,
    },
  };
}
