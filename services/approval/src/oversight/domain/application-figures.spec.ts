import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalItemSnapshot } from '@cityworks/contracts';
import { Application } from '../../applications/domain/application';
import { applicationFiguresByDepartment, periodApplications } from './application-figures';

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
// March 2026, China time
const from = new Date('2026-02-28T16:00:00Z');
const to = new Date('2026-03-31T16:00:00Z');

describe('application figures of a period per department', () => {
  const accept = (id: string, day: string, departmentCode = 'AS-XZSPJ') =>
    Application.accept({ ...input, departmentCode }, { ...item, departmentCode }, id, at(day)).application;

  it('counts the decisions of the period on time and late, the undecided ones overdue at its end, and the refused clock-stops', () => {
    // Mon 2026-03-02, 3 working days
    const onTime = accept('a-1', '2026-03-02');
    onTime.decide({ decision: 'approved' }, at('2026-03-03')); // 1 day
    const late = accept('a-2', '2026-03-02');
    late.decide({ decision: 'rejected', reason: '材料不全' }, at('2026-03-09')); // 5 days
    const open = accept('a-3', '2026-03-02');
    open.stopClock('听证', null, at('2026-03-03')); // refused: counted
    const openNotYetDue = accept('a-4', '2026-03-30');
    const decidedBefore = accept('a-5', '2026-02-02');
    decidedBefore.decide({ decision: 'approved' }, at('2026-02-03')); // February: not this period
    const acceptedAfter = accept('a-6', '2026-04-01'); // after the period
    const otherDepartment = accept('b-1', '2026-03-02', 'AS-B');
    otherDepartment.decide({ decision: 'approved' }, at('2026-03-04'));

    const all = [onTime, late, open, openNotYetDue, decidedBefore, acceptedAfter, otherDepartment].map((a) => a.snapshot);
    const period = periodApplications(all, from, to);
    expect(period.decided.map((a) => a.id).sort()).toEqual(['a-1', 'a-2', 'b-1']);
    expect(period.open.map((a) => a.id).sort()).toEqual(['a-3', 'a-4']);

    expect(applicationFiguresByDepartment(period, calendar, to)).toEqual([
      {
        departmentCode: 'AS-B',
        decided: 1,
        decidedOnTime: 1,
        decidedLate: 0,
        openOverdue: 0,
        averageUsedWorkingDays: 2,
        maxUsedWorkingDays: 2,
        illegalClockStopAttempts: 0,
      },
      {
        departmentCode: 'AS-XZSPJ',
        decided: 2,
        decidedOnTime: 1,
        decidedLate: 1,
        // a-3 is past its deadline at the end of March; a-4 (accepted 03-30) is not
        openOverdue: 1,
        averageUsedWorkingDays: 3,
        maxUsedWorkingDays: 5,
        illegalClockStopAttempts: 1,
      },
    ]);
  });

  it('leaves out a period with nothing decided or overdue', () => {
    const decidedBefore = accept('a-5', '2026-02-02');
    decidedBefore.decide({ decision: 'approved' }, at('2026-02-03'));
    expect(applicationFiguresByDepartment(periodApplications([decidedBefore.snapshot], from, to), calendar, to)).toEqual([]);
  });
});
