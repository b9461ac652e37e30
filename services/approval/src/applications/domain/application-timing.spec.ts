import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalItemSnapshot } from '@cityworks/contracts';
import { Application } from './application';
import { applicationTiming } from './application-timing';

const calendar = new WorkingDayCalendar();
const item = {
  code: 'JS-SGXK-001',
  regionCode: '210300',
  version: 1,
  retired: false,
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  supervisionMode: '审管分离',
  timeLimitWorkingDays: 5,
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
// China time is UTC+8: 02:00Z is 10:00 in 鞍山
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('application timing (办理用时)', () => {
  it('counts working days after the acceptance day across the 2026 Spring Festival', () => {
    // accepted Thu 02-12; 02-13 (Fri) = 1, 02-14 (Sat, 调休 workday) = 2, 02-15…02-23 off,
    // 02-24 = 3, 02-25 = 4, 02-26 = 5: due at the end of 02-26
    const application = Application.accept(input, item, 'a-1', at('2026-02-12')).application;
    const timing = applicationTiming(application.snapshot, calendar, at('2026-02-24'))!;
    expect(timing).toMatchObject({
      timeLimitWorkingDays: 5,
      usedWorkingDays: 3,
      remainingWorkingDays: 2,
      suspendedWorkingDays: 0,
      overdue: false,
      clockStopped: false,
      decidedWithinLimit: null,
    });
    expect(timing.dueAt.toISOString()).toBe('2026-02-26T15:59:59.999Z');
    expect(applicationTiming(application.snapshot, calendar, new Date('2026-02-27T01:00:00Z'))).toMatchObject({ overdue: true, remainingWorkingDays: -1 });
  });

  it('moves the deadline by the working days the clock was stopped, and judges the decision against the limit', () => {
    // accepted Mon 03-02; stopped Tue 03-03, resumed Thu 03-05: (03-03, 03-05] = 03-04, 03-05 suspended;
    // used: 03-03 = 1, 03-06 = 2, 03-09 = 3, 03-10 = 4, 03-11 = 5 → due 03-11
    const application = Application.accept(input, item, 'a-1', at('2026-03-02')).application;
    application.stopClock('补正材料', null, at('2026-03-03'));
    expect(applicationTiming(application.snapshot, calendar, at('2026-03-04'))).toMatchObject({
      clockStopped: true,
      usedWorkingDays: 1,
      suspendedWorkingDays: 1,
    });
    application.resumeClock(at('2026-03-05'));
    const running = applicationTiming(application.snapshot, calendar, at('2026-03-06'))!;
    expect(running).toMatchObject({ usedWorkingDays: 2, suspendedWorkingDays: 2, remainingWorkingDays: 3, clockStopped: false });
    expect(running.dueAt.toISOString()).toBe('2026-03-11T15:59:59.999Z');
    application.decide({ decision: 'approved' }, at('2026-03-11'));
    expect(applicationTiming(application.snapshot, calendar, at('2026-04-01'))).toMatchObject({ usedWorkingDays: 5, decidedWithinLimit: true, overdue: false });
  });

  it('has no timing for an application accepted before the catalog terms were recorded', () => {
    const legacy = { ...Application.accept(input, item, 'a-1', at('2026-03-02')).application.snapshot, terms: null };
    expect(applicationTiming(legacy, calendar, at('2026-03-05'))).toBeNull();
  });
});
