import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalItemSnapshot, ApprovalStage } from '@cityworks/contracts';
import { Application, ApplicationState } from '../../applications/domain/application';
import { projectTiming } from './project-timing';

/**
 * 2026 on the library calendar: 清明 04-04…04-06 off; 劳动节 05-01…05-05 off and Saturday 05-09
 * worked (调休). March has no holiday. Every count below is by hand: working days d with
 * start day < d ≤ end day.
 */
const calendar = new WorkingDayCalendar();
const item = (stage: ApprovalStage | undefined) =>
  ({
    code: 'ITEM',
    regionCode: '210300',
    version: 1,
    retired: false,
    stage,
    departmentCode: 'AS-XZSPJ',
    supervisingDepartmentCode: 'AS-ZJJ',
    supervisionMode: '审管分离',
    timeLimitWorkingDays: 20,
    allowedClockStops: ['补正材料'],
    commitmentAllowed: false,
    commitmentVerificationWorkingDays: null,
    supervisionFeedbackWorkingDays: 5,
  }) as unknown as ApprovalItemSnapshot;
const input = { projectCode: 'P-1', itemCode: 'ITEM', departmentCode: 'AS-XZSPJ', regionCode: '210302', ownerUscc: '91350100M000100Y43', onCommitment: false };
// 10:00 in 鞍山 (UTC+8)
const at = (date: string) => new Date(`${date}T02:00:00Z`);

let n = 0;
function application(stage: ApprovalStage | undefined, acceptedOn: string, decidedOn?: string, stop?: [string, string]): ApplicationState {
  const a = Application.accept(input, item(stage), `a-${++n}`, at(acceptedOn)).application;
  if (stop) {
    a.stopClock('补正材料', null, at(stop[0]));
    a.resumeClock(at(stop[1]));
  }
  if (decidedOn) a.decide({ decision: 'approved' }, at(decidedOn));
  return a.snapshot;
}

describe('project timing per stage and 全流程', () => {
  const applications = [
    // 立项用地规划许可: (03-02, 03-06] = 4 and (03-03, 03-11] = 6 used; the stage (03-02, 03-11] = 7
    application('立项用地规划许可', '2026-03-02', '2026-03-06'),
    application('立项用地规划许可', '2026-03-03', '2026-03-11'),
    // 工程建设许可 across 清明: (03-30, 04-10] = 03-31, 04-01…04-03, 04-07…04-10 = 8; 补正材料 (04-01, 04-09] = 5 off, so 3 used
    application('工程建设许可', '2026-03-30', '2026-04-10', ['2026-04-01', '2026-04-09']),
    // 施工许可 across 劳动节, one open on Mon 05-11: (04-28, 05-08] = 04-29, 04-30, 05-06…05-08 = 5 used;
    // (04-29, 05-11] = 04-30, 05-06…05-09, 05-11 = 6 so far; the stage (04-28, 05-11] = 7 so far
    application('施工许可', '2026-04-28', '2026-05-08'),
    application('施工许可', '2026-04-29'),
    // 市政公用报装 alongside: (03-16, 03-18] = 2
    application('市政公用报装', '2026-03-16', '2026-03-18'),
    // accepted before the stage was recorded: open, (03-03, 05-11] = 46 used
    application(undefined, '2026-03-03'),
  ];

  it('answers each stage: counts, first acceptance, last decision, elapsed and used working days', () => {
    const timing = projectTiming('P-1', applications, calendar, at('2026-05-11'));
    expect(timing.stages).toEqual([
      {
        stage: '立项用地规划许可',
        applications: 2,
        decided: 2,
        completed: true,
        firstAcceptedAt: at('2026-03-02'),
        lastDecidedAt: at('2026-03-11'),
        elapsedWorkingDays: 7,
        usedWorkingDaysSum: 10,
        usedWorkingDaysMax: 6,
        provisional: false,
      },
      {
        stage: '工程建设许可',
        applications: 1,
        decided: 1,
        completed: true,
        firstAcceptedAt: at('2026-03-30'),
        lastDecidedAt: at('2026-04-10'),
        elapsedWorkingDays: 8,
        usedWorkingDaysSum: 3,
        usedWorkingDaysMax: 3,
        provisional: false,
      },
      {
        stage: '施工许可',
        applications: 2,
        decided: 1,
        completed: false,
        firstAcceptedAt: at('2026-04-28'),
        lastDecidedAt: at('2026-05-08'),
        elapsedWorkingDays: 7,
        usedWorkingDaysSum: 11,
        usedWorkingDaysMax: 6,
        provisional: false,
      },
      {
        stage: '竣工验收',
        applications: 0,
        decided: 0,
        completed: false,
        firstAcceptedAt: null,
        lastDecidedAt: null,
        elapsedWorkingDays: null,
        usedWorkingDaysSum: 0,
        usedWorkingDaysMax: null,
        provisional: false,
      },
      {
        stage: '市政公用报装',
        applications: 1,
        decided: 1,
        completed: true,
        firstAcceptedAt: at('2026-03-16'),
        lastDecidedAt: at('2026-03-18'),
        elapsedWorkingDays: 2,
        usedWorkingDaysSum: 2,
        usedWorkingDaysMax: 2,
        provisional: false,
      },
    ]);
    expect(timing.unstagedApplications).toBe(1);
  });

  it('runs the whole process from the first acceptance to today until 竣工验收 is decided', () => {
    // (03-02, 05-11]: March 21 (03-03…03-31), April 21 (清明 off), May 5 (05-06…05-09, 05-11) = 47
    expect(projectTiming('P-1', applications, calendar, at('2026-05-11')).wholeProcess).toEqual({
      firstAcceptedAt: at('2026-03-02'),
      completedAt: null,
      elapsedWorkingDays: 47,
      provisional: false,
    });
    // a 竣工验收 application still open keeps the process open
    const open = [...applications, application('竣工验收', '2026-05-18')];
    expect(projectTiming('P-1', open, calendar, at('2026-05-19')).wholeProcess).toMatchObject({ completedAt: null, elapsedWorkingDays: 53 });
  });

  it('ends the whole process at the last 竣工验收 decision, whatever runs alongside', () => {
    const done = [
      ...applications,
      application('竣工验收', '2026-05-18', '2026-05-20'),
      application('竣工验收', '2026-05-19', '2026-05-22'),
      application('市政公用报装', '2026-05-20'),
    ];
    const timing = projectTiming('P-1', done, calendar, at('2026-06-01'));
    // (03-02, 05-22]: 21 + 21 + May 14 (05-06…05-09, 05-11…05-15, 05-18…05-22) = 56
    expect(timing.wholeProcess).toEqual({ firstAcceptedAt: at('2026-03-02'), completedAt: at('2026-05-22'), elapsedWorkingDays: 56, provisional: false });
    // the 竣工验收 stage: (05-18, 05-22] = 4; used (05-18, 05-20] = 2 and (05-19, 05-22] = 3
    expect(timing.stages[3]).toMatchObject({ completed: true, elapsedWorkingDays: 4, usedWorkingDaysSum: 5, usedWorkingDaysMax: 3 });
    // 市政公用报装 is open again: (03-16, 06-01] so far
    expect(timing.stages[4]).toMatchObject({ applications: 2, decided: 1, completed: false, lastDecidedAt: at('2026-03-18') });
  });

  it('answers nulls for a project without applications', () => {
    const timing = projectTiming('P-2', [], calendar, at('2026-05-11'));
    expect(timing.stages.map((s) => [s.stage, s.applications, s.elapsedWorkingDays])).toEqual([
      ['立项用地规划许可', 0, null],
      ['工程建设许可', 0, null],
      ['施工许可', 0, null],
      ['竣工验收', 0, null],
      ['市政公用报装', 0, null],
    ]);
    expect(timing).toMatchObject({
      projectCode: 'P-2',
      unstagedApplications: 0,
      wholeProcess: { firstAcceptedAt: null, completedAt: null, elapsedWorkingDays: null },
    });
  });
});
