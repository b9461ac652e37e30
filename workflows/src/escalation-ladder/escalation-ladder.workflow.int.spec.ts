import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ApplicationClockReading,
  applicationClockChangedSignal,
  applicationDecidedSignal,
  applicationStateQuery,
  ApplicationWorkflowInput,
  applicationWorkflowType,
  ApprovalActivities,
  TaskQueues,
} from '@cityworks/contracts';
import { createTimeSkippingEnvironment, waitFor } from '@cityworks/testing';
import { createWorkflowWorker } from '../worker';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * The escalation ladder inside application workflows on Temporal's time-skipping server. The
 * calendar activities use the real working-day calendar (chinese-days); approval and supervision
 * are faked, with supervision's claim-once rule kept (the letters' own tests run it for real).
 */
describe('escalation ladder (预警 → 提醒函 → 督办函 → 通报)', () => {
  let env: TestWorkflowEnvironment;
  let workflowWorker: Worker;
  let workflowRun: Promise<void>;
  let activityWorkers: Worker[];
  let activityRun: Promise<unknown>;

  const records = new Map<string, ApplicationClockReading>();
  const escalationActivities = fakeEscalationActivities();
  const { letters, failingDepartments } = escalationActivities;
  const catalogActivities = fakeCatalogActivities();
  const calendar = catalogActivities.calendar;

  const approvalActivities: ApprovalActivities = {
    async getApplicationFacts() {
      throw new Error('not used');
    },
    async readApplicationClock({ applicationId }) {
      return records.get(applicationId)!;
    },
    async markApplicationOverdue({ applicationId }) {
      const r = records.get(applicationId)!;
      if (r.status === 'accepted' && r.dueAt) r.overdue = true;
      return r;
    },
    async recordProjectProgress() {
      return undefined;
    },
    async revokeForBrokenCommitment() {
      throw new Error('not used');
    },
    async cancelCommitmentEligibility() {
      throw new Error('not used');
    },
  };

  const startWorkflowWorker = async () => {
    // nothing cached: a restarted worker replays from history (and the test server keeps a dead worker's sticky tasks)
    workflowWorker = await createWorkflowWorker(env.nativeConnection, { namespace: env.namespace ?? 'default', maxCachedWorkflows: 0 });
    workflowRun = workflowWorker.run();
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    const namespace = env.namespace ?? 'default';
    activityWorkers = [
      await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.approval, activities: approvalActivities }),
      await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.supervision, activities: escalationActivities }),
      await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.catalog, activities: catalogActivities }),
    ];
    activityRun = Promise.all(activityWorkers.map((w) => w.run()));
    await startWorkflowWorker();
  });

  afterAll(async () => {
    workflowWorker.shutdown();
    activityWorkers.forEach((w) => w.shutdown());
    await Promise.all([workflowRun, activityRun]);
    await env.teardown();
  });

  const serverNow = async () => new Date(Number(await env.currentTimeMs()));
  /** Lets Temporal's clock run to `days` days past an instant (the test server's date drifts into holiday periods, so durations are measured from deadlines). */
  const sleepPast = async (instant: string, days: number) => env.sleep(Math.max(Date.parse(instant) - (await serverNow()).getTime(), 0) + days * 86400_000);
  const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>) => waitFor(what, probe, { timeoutMs: 60_000 });
  let n = 0;

  /** An application accepted now with a limit of `limit` working days (lead 2, graces 5 and 5). */
  async function accept(departmentCode = 'AS-TD-XZSPJ', limit = 5) {
    const applicationId = `ladder-${Date.now().toString(36)}-${++n}`;
    const acceptedAt = await serverNow();
    const dueAt = calendar.dueInstant(acceptedAt, limit).dueAt.toISOString();
    records.set(applicationId, { applicationId, status: 'accepted', decision: null, decidedAt: null, dueAt, overdue: false });
    const input: ApplicationWorkflowInput = {
      applicationId,
      projectCode: 'P-LADDER',
      itemCode: 'JS-SGXK-001',
      stage: '施工许可',
      departmentCode,
      regionCode: '210302',
      acceptedAt: acceptedAt.toISOString(),
      dueAt,
      ladder: {
        title: '项目P-LADDER「建筑工程施工许可证核发」办件',
        demandedAction: '依法作出审批决定并办结',
        warningLeadWorkingDays: 2,
        reminderGraceWorkingDays: 5,
        escalationGraceWorkingDays: 5,
      },
    };
    const handle = await env.client.workflow.start(applicationWorkflowType, {
      workflowId: `application-${applicationId}`,
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    return { handle, applicationId, dueAt };
  }
  const decide = async (a: Awaited<ReturnType<typeof accept>>) => {
    const decidedAt = (await serverNow()).toISOString();
    records.set(a.applicationId, { ...records.get(a.applicationId)!, status: 'approved', decision: 'approved', decidedAt, dueAt: null });
    await a.handle.signal(applicationDecidedSignal, { decision: 'approved', decidedAt });
    return a.handle.result();
  };
  const fired = async (a: Awaited<ReturnType<typeof accept>>) => (await a.handle.query(applicationStateQuery)).escalation!.fired;
  const endOfChinaDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86400_000 - 1).toISOString();

  it('decided in time: no warning, no letter', async () => {
    const a = await accept();
    await env.sleep('1 day');
    const result = await decide(a);
    expect(result.escalation).toEqual({ rung: 'none', fired: [] });
    expect([...letters.keys()].filter((k) => k.includes(a.applicationId))).toEqual([]);
  });

  it('not decided: 预警 with two working days left, 提醒函 at the deadline, 督办函 at its reply deadline, then 通报 — each once', async () => {
    const a = await accept();
    await sleepPast(a.dueAt, 60);
    const rungs = await until('the ladder to reach 通报', async () => {
      const f = await fired(a);
      return f.length === 4 ? f : undefined;
    });
    expect(rungs.map((r) => r.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    const dueDay = calendar.dueInstant(new Date(Date.parse(a.dueAt) - 1), 0).dueDate;
    // 预警 at the close of the working day two working days before the due day
    expect(Date.parse(rungs[0].firedAt)).toBeGreaterThanOrEqual(Date.parse(endOfChinaDay(calendar.subtractWorkingDays(dueDay, 2).date)));
    expect(Date.parse(rungs[0].firedAt)).toBeLessThan(Date.parse(a.dueAt));
    // 提醒函 once the deadline passed, with five working days to answer
    const reminder = rungs[1];
    expect(Date.parse(reminder.firedAt)).toBeGreaterThanOrEqual(Date.parse(a.dueAt));
    expect(reminder.letter!.replyDueAt).toBe(calendar.dueInstant(new Date(a.dueAt), 5).dueAt.toISOString());
    // 督办函 once that passed, five more; then 通报
    const escalated = rungs[2];
    expect(escalated.dueAt).toBe(reminder.letter!.replyDueAt);
    expect(Date.parse(escalated.firedAt)).toBeGreaterThanOrEqual(Date.parse(reminder.letter!.replyDueAt));
    expect(Date.parse(rungs[3].firedAt)).toBeGreaterThanOrEqual(Date.parse(escalated.letter!.replyDueAt));
    const mine = [...letters.entries()].filter(([k]) => k.includes(a.applicationId));
    expect(mine.map(([k, v]) => [k.split(':')[2], v.calls])).toEqual([
      ['提醒函', 1],
      ['督办函', 1],
    ]);
    // consecutive numbers (this fake numbers every letter of the office in one sequence)
    const [first, second] = mine.map(([, v]) => Number(/〔2026〕(\d+)号/.exec(v.number)![1]));
    expect(second).toBe(first + 1);
    expect((await a.handle.describe()).searchAttributes.EscalationRung).toEqual(['通报']);
    await decide(a);
  });

  it('follows a deadline that moves: no 预警 while the clock is stopped, the moved deadline warns later', async () => {
    const a = await accept('AS-TD-XZSPJ', 10);
    await a.handle.signal(applicationClockChangedSignal, { dueAt: null, cause: '补正材料' });
    records.set(a.applicationId, { ...records.get(a.applicationId)!, dueAt: null });
    await env.sleep('30 days');
    expect(await fired(a)).toEqual([]);
    const moved = calendar.dueInstant(await serverNow(), 10).dueAt.toISOString();
    records.set(a.applicationId, { ...records.get(a.applicationId)!, dueAt: moved });
    await a.handle.signal(applicationClockChangedSignal, { dueAt: moved, cause: 'resumed' });
    await sleepPast(moved, -0.5);
    const [warning] = await until('the warning on the moved deadline', async () => {
      const f = await fired(a);
      return f.length ? f : undefined;
    });
    expect(warning).toMatchObject({ rung: '预警', dueAt: moved });
    await decide(a);
  });

  it("one department's failing activity does not delay another's 提醒函", async () => {
    failingDepartments.add('AS-BROKEN');
    const broken = await accept('AS-BROKEN');
    const healthy = await accept('AS-TD-XZSPJ');
    await sleepPast(healthy.dueAt, 1);
    const reminder = await until("the healthy department's 提醒函", async () => (await fired(healthy)).find((f) => f.rung === '提醒函'));
    expect(Date.parse(reminder.firedAt)).toBeLessThan(Date.parse(reminder.letter!.replyDueAt));
    expect((await fired(broken)).map((f) => f.rung)).toEqual(['预警']);
    expect([...letters.keys()].some((k) => k.includes(broken.applicationId))).toBe(false);
    failingDepartments.delete('AS-BROKEN');
    await decide(healthy);
    await decide(broken);
  });

  it('a worker killed between two rungs issues no letter twice', async () => {
    const a = await accept();
    await sleepPast(a.dueAt, 1);
    await until('the 提醒函', async () => (await fired(a)).find((f) => f.rung === '提醒函'));
    // the worker dies after the first rung; a new one (nothing cached) replays the history and goes on
    workflowWorker.shutdown();
    await workflowRun;
    await startWorkflowWorker();
    const reminder = (await fired(a)).find((f) => f.rung === '提醒函')!;
    await sleepPast(reminder.letter!.replyDueAt, 1);
    await until('the 督办函 after the restart', async () => (await fired(a)).find((f) => f.rung === '督办函'));
    const mine = [...letters.entries()].filter(([k]) => k.includes(a.applicationId));
    expect(mine.map(([, v]) => v.calls)).toEqual([1, 1]);
    await decide(a);
  });
});
