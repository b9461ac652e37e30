import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalItemSnapshot } from '@cityworks/contracts';
import { Application } from './application';
import { timingByDepartment } from './timing-report';

const calendar = new WorkingDayCalendar();
const item = {
  code: 'JS-SGXK-001',
  regionCode: '210300',
  version: 1,
  retired: false,
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  supervisionMode: '审管分离',
  timeLimitWorkingDays: 3,
  allowedClockStops: ['补正材料'],
  commitmentAllowed: false,
  commitmentVerificationWorkingDays: null,
  supervisionFeedbackWorkingDays: 5,
} as unknown as ApprovalItemSnapshot;
const input = {
  projectCode: 'P-1',
  itemCode: 'JS-SGXK-001',
  departmentCode: 'AS-XZSPJ',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  onCommitment: false,
};
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('timing report per department', () => {
  it('counts, averages and judges the decided applications, and the overdue open ones', () => {
    // Mon 2026-03-02 acceptances, 3 working days (03-03, 03-04, 03-05)
    const fast = Application.accept(input, item, 'a-1', at('2026-03-02')).application;
    fast.decide({ decision: 'approved' }, at('2026-03-03')); // used 1, within
    const slow = Application.accept(input, item, 'a-2', at('2026-03-02')).application;
    slow.decide({ decision: 'approved' }, at('2026-03-06')); // used 4 (03-03…03-06), over
    const open = Application.accept(input, item, 'a-3', at('2026-03-02')).application;
    open.stopClock('听证', null, at('2026-03-03')); // refused and counted
    const other = Application.accept({ ...input, departmentCode: 'AS-B' }, { ...item, departmentCode: 'AS-B' }, 'b-1', at('2026-03-02')).application;
    const report = timingByDepartment(
      [fast, slow, open, other].map((a) => a.snapshot),
      calendar,
      at('2026-03-09'),
    );
    expect(report).toEqual([
      {
        departmentCode: 'AS-B',
        accepted: 1,
        decided: 0,
        averageUsedWorkingDays: null,
        maxUsedWorkingDays: null,
        withinLimitShare: null,
        overdueOpen: 1,
        illegalClockStopAttempts: 0,
      },
      {
        departmentCode: 'AS-XZSPJ',
        accepted: 3,
        decided: 2,
        averageUsedWorkingDays: 2.5,
        maxUsedWorkingDays: 4,
        withinLimitShare: 0.5,
        overdueOpen: 1,
        illegalClockStopAttempts: 1,
      },
    ]);
  });
});
