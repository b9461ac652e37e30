import { dutyOf, route } from './duty';
import { regionChain } from './region-chain';
import { readReformOffices, reformOfficeOf } from './reform-offices';

describe('routing by duty (职责) and territory (属地)', () => {
  const sgxk = { itemCode: 'JS-SGXK-001', implementingDepartmentCode: 'AS-TD-XZSPJ', supervisingDepartmentCode: 'AS-TD-ZJJ' };
  const tdgh = { itemCode: 'GH-001', implementingDepartmentCode: 'AS-XZSPJ', supervisingDepartmentCode: 'AS-ZRZYJ' };

  it('maps categories to duties: 审批服务 and suggestions to the implementing department, violations to the supervising one', () => {
    expect(dutyOf('approval-service', 'approval-service')).toBe('implements');
    for (const c of ['construction-quality', 'construction-safety', 'illegal-contracting', 'wage-arrears', 'environment'] as const)
      expect(dutyOf('violation-report', c)).toBe('supervises');
    expect(dutyOf('violation-report', 'other')).toBe('supervises');
    expect(dutyOf('suggestion', 'environment')).toBe('implements');
  });

  it('routes by the item named, else by the project’s item, else to the 工改办', () => {
    expect(route('supervises', sgxk, tdgh, 'AS-TD-GGB')).toEqual({ departmentCode: 'AS-TD-ZJJ', routedBy: 'item', itemCode: 'JS-SGXK-001' });
    expect(route('implements', sgxk, null, 'AS-TD-GGB')).toEqual({ departmentCode: 'AS-TD-XZSPJ', routedBy: 'item', itemCode: 'JS-SGXK-001' });
    expect(route('supervises', null, tdgh, 'AS-TD-GGB')).toEqual({ departmentCode: 'AS-ZRZYJ', routedBy: 'project', itemCode: 'GH-001' });
    expect(route('implements', null, null, 'AS-TD-GGB')).toEqual({ departmentCode: 'AS-TD-GGB', routedBy: 'reform-office', itemCode: null });
  });

  it('walks district → city → province', () => {
    expect(regionChain('210302')).toEqual(['210302', '210300', '210000']);
    expect(regionChain('210300')).toEqual(['210300', '210000']);
    expect(regionChain('210000')).toEqual(['210000']);
  });

  it('finds the nearest 工改办 from the configuration, refusing a bad entry by name', () => {
    const offices = readReformOffices({});
    expect(reformOfficeOf(offices, '210302')).toBe('AS-TD-GGB');
    expect(reformOfficeOf(offices, '210303')).toBe('AS-GGB');
    expect(reformOfficeOf(offices, '110101')).toBeUndefined();
    expect(reformOfficeOf(readReformOffices({ COMPLAINT_REFORM_OFFICES: '110000=BJ-GGB' }), '110101')).toBe('BJ-GGB');
    expect(() => readReformOffices({ COMPLAINT_REFORM_OFFICES: '2103=AS-GGB' })).toThrow(
      'COMPLAINT_REFORM_OFFICES entries must be <6-digit region>=<department code>, got "2103=AS-GGB"',
    );
    expect(() => readReformOffices({ COMPLAINT_REFORM_OFFICES: '210300=A,210300=B' })).toThrow(/names region 210300 twice/);
  });
});
