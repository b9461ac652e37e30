import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalItemSnapshot } from '@cityworks/contracts';
import { RowError } from '@cityworks/platform';
import { approvalItemSnapshot } from '../../../testing/catalog-items.fixture';
import { ApplicationTiming, applicationTiming } from '../domain/application-timing';
import { Application } from '../domain/application';
import {
  alreadyImportedRefusals,
  HistoricalApplication,
  historicalApplicationOf,
  HistoricalRow,
  importHistorical,
  repeatedSourceRefs,
} from './historical-application';
import { historicalFileFromCsv } from './historical-file';

/** 施工许可 of 鞍山 as the demo catalog has it: 7 working days, only 补正材料 stops the clock, 告知承诺 allowed */
const item: ApprovalItemSnapshot = approvalItemSnapshot({ code: 'JS-SGXK-001' });
const NOW = new Date('2026-11-30T00:00:00Z');
const USCC = '91350100M000100Y43';

const historical = (fields: Partial<HistoricalRow> = {}, row = 2, titles: Record<string, string> = {}): HistoricalApplication =>
  historicalApplicationOf(row, titles, {
    sourceRef: 'OLD-1',
    projectCode: 'P-1',
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-XZSPJ',
    regionCode: '210302',
    ownerUscc: USCC,
    acceptedAt: '2026-02-11T10:00:00+08:00',
    decidedAt: '2026-03-03T16:00:00+08:00',
    decision: 'approved',
    ...fields,
  });
const stop = (from: string, to: string, reason: '补正材料' | '专家评审' = '补正材料') => ({ reason, from, to });
const refusedBy = (result: ReturnType<typeof importHistorical>): RowError[] => ('refused' in result ? result.refused : []);
const listed = (errors: RowError[]) => errors.flatMap((e) => Object.keys(e.rules).map((rule) => [e.row, e.field, rule]));
const imported = (h: HistoricalApplication, version: ApprovalItemSnapshot = item): Application => {
  const result = importHistorical(h, version, 'a-1', NOW);
  if ('refused' in result) throw new Error(`refused: ${JSON.stringify(result.refused)}`);
  return result.application;
};

describe('a historical application (迁移)', () => {
  it('becomes the application the old system left: terms of the item version as 受理 records them, its stops and its decision, audited and announced to no one', () => {
    const h = historical({
      clockStops: [stop('2026-02-13T09:00:00+08:00', '2026-02-25T10:00:00+08:00')],
      decision: 'rejected',
      decisionReason: '施工图审查未通过',
      onCommitment: true,
    });
    const result = importHistorical(h, item, 'a-1', NOW);
    if ('refused' in result) throw new Error('refused');
    const { terms, ...state } = result.application.snapshot;
    expect(state).toMatchObject({
      id: 'a-1',
      projectCode: 'P-1',
      departmentCode: 'AS-XZSPJ',
      supervisingDepartmentCode: 'AS-ZJJ',
      supervisionFeedbackWorkingDays: 5,
      onCommitment: true,
      status: 'rejected',
      acceptedAt: new Date('2026-02-11T02:00:00Z'),
      decidedAt: new Date('2026-03-03T08:00:00Z'),
      decisionReason: '施工图审查未通过',
      clockStops: [{ reason: '补正材料', note: null, from: new Date('2026-02-13T01:00:00Z'), to: new Date('2026-02-25T02:00:00Z') }],
      illegalClockStopAttempts: 0,
      supervisionFeedback: null,
      revocation: null,
    });
    expect(terms).toEqual(Application.accept(h.accepted, item, 'x', h.acceptedAt).application.snapshot.terms);
    expect(result.transition).toMatchObject({
      action: 'application.imported',
      before: null,
      after: { sourceRef: 'OLD-1', status: 'rejected', itemVersion: 1, acceptedAt: '2026-02-11T02:00:00.000Z', decidedAt: '2026-03-03T08:00:00.000Z' },
      events: [],
    });
  });

  it('is refused when the item is not in the list in force on its acceptance date (China date), naming the column as the file titled it', () => {
    // 20:00Z on 02-10 is 04:00 on 02-11 in 鞍山
    const h = historical({ acceptedAt: '2026-02-10T20:00:00Z' }, 5, { itemCode: '事项编码' });
    expect(refusedBy(importHistorical(h, null, 'a-1', NOW))).toEqual([
      {
        row: 5,
        column: '事项编码',
        field: 'itemCode',
        rules: { inList: 'item JS-SGXK-001 is not in the approval-item list in force for region 210302 on 2026-02-11 (审批事项清单)' },
      },
    ]);
  });

  it('is held to the rules of 受理 and 暂停计时 under that version: implementing department, 告知承诺, allowed clock-stop reasons, all listed together', () => {
    const strict = approvalItemSnapshot({ code: 'JS-SGXK-001', version: 3, commitmentAllowed: false });
    const h = historical({
      departmentCode: 'AS-ZJJ',
      onCommitment: true,
      clockStops: [stop('2026-02-12T09:00:00+08:00', '2026-02-13T09:00:00+08:00'), stop('2026-02-24T09:00:00+08:00', '2026-02-25T09:00:00+08:00', '专家评审')],
    });
    const refused = refusedBy(importHistorical(h, strict, 'a-1', NOW));
    expect(listed(refused)).toEqual([
      [2, 'departmentCode', 'implementsItem'],
      [2, 'onCommitment', 'commitmentAllowed'],
      [2, 'clockStops.1.reason', 'allowedClockStop'],
    ]);
    expect(refused[0].rules.implementsItem).toBe('department AS-ZJJ does not implement item JS-SGXK-001: its 实施部门 is AS-XZSPJ (catalog version 3)');
    expect(refused[2].rules.allowedClockStop).toContain('reason 专家评审 is not a clock-stop item JS-SGXK-001 allows in catalog version 3 (allowed: 补正材料');
    expect(refused[2].column).toBe('clockStops');
  });

  it('must have happened, in order: accepted ≤ stops (in order, none overlapping) ≤ decided ≤ now', () => {
    const future = historical({ acceptedAt: '2026-12-01T09:00:00+08:00', decidedAt: '2027-01-05T09:00:00+08:00' });
    expect(listed(refusedBy(importHistorical(future, item, 'a-1', NOW)))).toEqual([
      [2, 'acceptedAt', 'notInFuture'],
      [2, 'decidedAt', 'notInFuture'],
    ]);
    const backwards = historical({
      acceptedAt: '2026-02-11T10:00:00+08:00',
      decidedAt: '2026-02-11T09:59:59+08:00',
      clockStops: [
        stop('2026-02-11T09:00:00+08:00', '2026-02-13T09:00:00+08:00'), // before acceptance, after the decision
        stop('2026-02-20T09:00:00+08:00', '2026-02-19T09:00:00+08:00'), // ends before it starts
        stop('2026-02-18T09:00:00+08:00', '2026-02-24T09:00:00+08:00'), // starts before the previous ended
      ],
    });
    expect(listed(refusedBy(importHistorical(backwards, item, 'a-1', NOW)))).toEqual([
      [2, 'decidedAt', 'notBeforeAcceptance'],
      [2, 'clockStops.0.from', 'notBeforeAcceptance'],
      [2, 'clockStops.0.to', 'notAfterDecision'],
      [2, 'clockStops.1.to', 'notBeforeFrom'],
      [2, 'clockStops.1.to', 'notAfterDecision'],
      [2, 'clockStops.2.from', 'notOverlapping'],
      [2, 'clockStops.2.to', 'notAfterDecision'],
    ]);
    // touching is not overlapping, and the instants may coincide
    const touching = historical({
      acceptedAt: '2026-02-11T10:00:00+08:00',
      clockStops: [stop('2026-02-11T10:00:00+08:00', '2026-02-13T09:00:00+08:00'), stop('2026-02-13T09:00:00+08:00', '2026-02-13T09:00:00+08:00')],
      decidedAt: '2026-02-13T09:00:00+08:00',
    });
    expect(refusedBy(importHistorical(touching, item, 'a-1', NOW))).toEqual([]);
  });

  it('names each old application once per file, and never one imported before', () => {
    const rows = [historical({}, 2), historical({ sourceRef: 'OLD-2' }, 3), historical({}, 4), historical({ sourceRef: 'OLD-2' }, 5)];
    expect(listed(repeatedSourceRefs(rows))).toEqual([
      [4, 'sourceRef', 'unique'],
      [5, 'sourceRef', 'unique'],
    ]);
    expect(repeatedSourceRefs(rows)[0].rules.unique).toBe('sourceRef OLD-1 is already on row 2');
    expect(alreadyImportedRefusals(rows.slice(0, 2), new Map([['OLD-2', 'app-9']]))).toEqual([
      { row: 3, column: 'sourceRef', field: 'sourceRef', rules: { notImported: 'sourceRef OLD-2 was imported before, as application app-9' } },
    ]);
  });

  it('lists every problem of a whole file at once: shape, catalog, timeline, repeated refs', async () => {
    const header = 'sourceRef,projectCode,itemCode,departmentCode,regionCode,ownerUscc,acceptedAt,clockStops,decidedAt,decision,decisionReason';
    const file = await historicalFileFromCsv(
      [
        header,
        `OLD-1,P-1,JS-SGXK-001,AS-XZSPJ,210302,${USCC},2026-02-11T10:00:00+08:00,,2026-03-03T16:00:00+08:00,approved,`,
        `OLD-2,P-2,NO-SUCH-ITEM,AS-XZSPJ,210302,${USCC},2026-02-11T10:00:00+08:00,,2026-03-03T16:00:00+08:00,approved,`,
        `OLD-3,P-3,JS-SGXK-001,AS-ZJJ,210302,${USCC},2026-02-11T10:00:00+08:00,专家评审@2026-02-12T09:00:00+08:00/2026-02-13T09:00:00+08:00,2026-02-10T16:00:00+08:00,approved,`,
        `OLD-1,P-4,JS-SGXK-001,AS-XZSPJ,210302,${USCC},2026-02-11T10:00:00+08:00,,2026-03-03T16:00:00+08:00,rejected,`,
        `OLD-5,P-5,JS-SGXK-001,AS-XZSPJ,210302,${USCC},2026-02-11T10:00:00+08:00,,2026-12-03T16:00:00+08:00,approved,`,
      ].join('\n'),
    );
    const catalog = (code: string) => (code === 'JS-SGXK-001' ? item : null);
    const errors = [
      ...file.errors,
      ...repeatedSourceRefs(file.applications),
      ...file.applications.flatMap((h) => refusedBy(importHistorical(h, catalog(h.accepted.itemCode), 'a', NOW))),
    ];
    expect(listed(errors).sort()).toEqual(
      [
        [3, 'itemCode', 'inList'],
        [4, 'departmentCode', 'implementsItem'],
        [4, 'clockStops.0.reason', 'allowedClockStop'],
        [4, 'decidedAt', 'notBeforeAcceptance'],
        [4, 'clockStops.0.to', 'notAfterDecision'],
        [5, 'decisionReason', 'isString'],
        [5, 'decisionReason', 'matches'],
        [5, 'decisionReason', 'maxLength'],
        [6, 'decidedAt', 'notInFuture'],
      ].sort(),
    );
    // row 5 repeats OLD-1 but is refused for its shape first; a good row repeating it is named too
    expect(repeatedSourceRefs([...file.applications, historical({}, 7)]).map((e) => e.row)).toEqual([7]);
  });
});

/**
 * 办理用时 of imported applications, counted by the same code as any other (applicationTiming
 * over libs/calendar), across the 2026 holidays as the `chinese-days` package (1.5.7) has the
 * State Council's arrangement:
 *   春节 2026-02-15 … 02-23 off; Sat 02-14 and Sat 02-28 are working days (调休).
 *   中秋 2026-09-25 … 09-27 off; 国庆 2026-10-01 … 10-07 off; Sun 09-20 and Sat 10-10 are working days.
 * The acceptance day is not counted; a clock-stop from day s to day e takes the working days in (s, e] out.
 */
describe('timing of imported applications across the 2026 holidays', () => {
  const calendar = new WorkingDayCalendar();
  const timing = (h: HistoricalApplication) => applicationTiming(imported(h).snapshot, calendar, NOW) as ApplicationTiming;

  it('checks the arrangement against the calendar before relying on it', () => {
    const working = (date: string) => calendar.day(date).working;
    expect(['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'].map(working)).toEqual([true, true, true, true]);
    expect(['2026-02-15', '2026-02-23', '2026-09-25', '2026-10-01', '2026-10-07'].map(working)).toEqual([false, false, false, false, false]);
  });

  it('春节: the 调休 Saturdays count, the holidays do not, and a stop across the holiday takes out only its working days', () => {
    // accepted Wed 02-11 (not counted), decided Tue 03-03, limit 7:
    //   02-12 Thu  1 | 02-13 Fri  2 (the stop starts: its own day counts)
    //   02-14 Sat  3 调休, stopped | 02-15 … 02-23 春节: none
    //   02-24 Tue  4 stopped | 02-25 Wed  5 stopped (the stop ends)
    //   02-26 Thu  6 | 02-27 Fri  7 | 02-28 Sat  8 调休 | 03-01 Sun — | 03-02 Mon  9 | 03-03 Tue 10
    //   10 working days, 3 of them stopped (02-14, 02-24, 02-25): used 7 = the limit
    // deadline: 7 working days after 02-11 end on 02-27, pushed 3 → 02-28, 03-02, 03-03
    const h = historical({ clockStops: [stop('2026-02-13T09:00:00+08:00', '2026-02-25T10:00:00+08:00')], decidedAt: '2026-03-03T16:00:00+08:00' });
    const t = timing(h);
    expect(t).toMatchObject({
      timeLimitWorkingDays: 7,
      usedWorkingDays: 7,
      suspendedWorkingDays: 3,
      remainingWorkingDays: 0,
      decidedWithinLimit: true,
      overdue: false,
      clockStopped: false,
      provisional: false,
    });
    expect(t.dueAt.toISOString()).toBe('2026-03-03T15:59:59.999Z');

    // accepted Fri 02-13, decided Wed 02-25, no stop: 02-14 Sat 1 调休 | 02-15 … 02-23 — | 02-24 2 | 02-25 3
    expect(timing(historical({ acceptedAt: '2026-02-13T15:00:00+08:00', decidedAt: '2026-02-25T09:00:00+08:00' }))).toMatchObject({
      usedWorkingDays: 3,
      suspendedWorkingDays: 0,
      decidedWithinLimit: true,
    });
  });

  it('国庆 (with 中秋 before it): the 调休 Sunday and Saturday count, and a decision after the limit is judged late', () => {
    // accepted Fri 09-18 (not counted), decided Mon 10-12, limit 7:
    //   09-19 Sat — | 09-20 Sun  1 调休 | 09-21 Mon  2 | 09-22  3 | 09-23  4 | 09-24 Thu  5
    //   09-25 … 09-27 中秋: none | 09-28 Mon  6 | 09-29 Tue  7 (the stop starts)
    //   09-30 Wed  8 stopped | 10-01 … 10-07 国庆: none | 10-08 Thu  9 stopped | 10-09 Fri 10 stopped (the stop ends)
    //   10-10 Sat 11 调休 | 10-11 Sun — | 10-12 Mon 12
    //   12 working days, 3 stopped (09-30, 10-08, 10-09): used 9, 2 over the limit
    // deadline: 7 working days after 09-18 end on 09-29; the stop began that day, so it pushes 3 → 09-30, 10-08, 10-09
    const h = historical({
      acceptedAt: '2026-09-18T15:00:00+08:00',
      clockStops: [stop('2026-09-29T10:00:00+08:00', '2026-10-09T16:00:00+08:00')],
      decidedAt: '2026-10-12T11:00:00+08:00',
    });
    const t = timing(h);
    expect(t).toMatchObject({ usedWorkingDays: 9, suspendedWorkingDays: 3, remainingWorkingDays: -2, decidedWithinLimit: false, overdue: false });
    expect(t.dueAt.toISOString()).toBe('2026-10-09T15:59:59.999Z');
  });

  it('国庆: a stop inside the holiday takes out no working day', () => {
    // accepted Wed 09-30, stopped Fri 10-02 … Tue 10-06 (all 国庆), decided Sat 10-10:
    //   10-01 … 10-07 —, the stop's (10-02, 10-06] among them | 10-08 Thu 1 | 10-09 Fri 2 | 10-10 Sat 3 调休
    const h = historical({
      acceptedAt: '2026-09-30T10:00:00+08:00',
      clockStops: [stop('2026-10-02T09:00:00+08:00', '2026-10-06T09:00:00+08:00')],
      decidedAt: '2026-10-10T15:00:00+08:00',
    });
    expect(timing(h)).toMatchObject({ usedWorkingDays: 3, suspendedWorkingDays: 0, remainingWorkingDays: 4, decidedWithinLimit: true });
  });
});
