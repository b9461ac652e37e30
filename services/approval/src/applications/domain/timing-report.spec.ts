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
const noJointReview = { jointReviewOpinions: 0, averageJointReviewUsedWorkingDays: null, maxJointReviewUsedWorkingDays: null, jointReviewsWaiting: 0 };

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
        ...noJointReview,
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
        ...noJointReview,
      },
    ]);
  });

  it('counts a participating department’s opinions with its own time, in a row of its own', () => {
    // accepted Mon 2026-03-02; 人防办 answers 03-04 (2 days) and 03-09 (5 days); 自然资源局 answers 03-03 (1 day), and waits on another
    const first = Application.accept({ ...input, participatingDepartmentCodes: ['AS-RFB', 'AS-ZRZYJ'] }, item, 'a-1', at('2026-03-02')).application;
    first.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-04'));
    first.giveJointReviewOpinion('AS-ZRZYJ', '同意', null, at('2026-03-03'));
    first.decide({ decision: 'approved' }, at('2026-03-05')); // the implementing department: 3 days, within
    const second = Application.accept({ ...input, participatingDepartmentCodes: ['AS-RFB', 'AS-ZRZYJ'] }, item, 'a-2', at('2026-03-02')).application;
    second.giveJointReviewOpinion('AS-RFB', '不同意', '人防工程未按规定设置', at('2026-03-09'));
    const report = timingByDepartment([first.snapshot, second.snapshot], calendar, at('2026-03-10'));
    expect(report.map((row) => row.departmentCode)).toEqual(['AS-RFB', 'AS-XZSPJ', 'AS-ZRZYJ']);
    expect(report[0]).toEqual({
      departmentCode: 'AS-RFB',
      accepted: 0,
      decided: 0,
      averageUsedWorkingDays: null,
      maxUsedWorkingDays: null,
      withinLimitShare: null,
      overdueOpen: 0,
      illegalClockStopAttempts: 0,
      jointReviewOpinions: 2,
      averageJointReviewUsedWorkingDays: 3.5,
      maxJointReviewUsedWorkingDays: 5,
      jointReviewsWaiting: 0,
    });
    expect(report[1]).toMatchObject({ accepted: 2, decided: 1, maxUsedWorkingDays: 3, ...noJointReview });
    expect(report[2]).toMatchObject({
      accepted: 0,
      jointReviewOpinions: 1,
      averageJointReviewUsedWorkingDays: 1,
      maxJointReviewUsedWorkingDays: 1,
      jointReviewsWaiting: 1,
    });
  });
});
