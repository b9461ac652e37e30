import type { AcceptApplicationDto } from '../src/applications/dto/accept-application.dto';

/**
 * A valid 受理 request for tests: 施工许可 by the 行政审批局 in 铁西区; the catalog copy says 住建局
 * supervises it (seed it first with seedApprovalItem from ./catalog-items.fixture). The approval,
 * end-to-end and fault tests all accept applications this way.
 */
export function acceptApplicationRequest(projectCode: string, overrides: Partial<AcceptApplicationDto> = {}): AcceptApplicationDto {
  return {
    projectCode,
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-XZSPJ',
    regionCode: '210303',
    ownerUscc: '91350100M000100Y43',
    ...overrides,
  };
}
