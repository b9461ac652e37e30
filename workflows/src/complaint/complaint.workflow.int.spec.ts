import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { aliasWorkspaceLibs, findWorkspaceRoot } from '@cityworks/temporal';
import {
  complaintAcknowledgedSignal,
  complaintAnsweredSignal,
  complaintDeadlinesMovedSignal,
  complaintStateQuery,
  complaintTransferredSignal,
  complaintRatedSignal,
  complaintReopenedSignal,
  complaintReviewAnsweredSignal,
  ComplaintWorkflowInput,
  ComplaintWorkflowState,
  complaintWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { startWorkflowHarness, WorkflowHarness } from '../testing/workflow-harness';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * 有诉必应 on Temporal's time-skipping server: the calendar is the real working-day calendar
 * (chinese-days); supervision's letters are faked with their claim-once rule.
 */
describe('complaintWorkflow (有诉必应)', () => {
  let harness: WorkflowHarness;
  let env: TestWorkflowEnvironment;
  const escalationActivities = fakeEscalationActivities();
  const { letters, steps } = escalationActivities;
  const catalogActivities = fakeCatalogActivities();
  const calendar = catalogActivities.calendar;

  beforeAll(async () => {
    harness = await startWorkflowHarness({ [TaskQueues.supervision]: escalationActivities, [TaskQueues.catalog]: catalogActivities });
    env = harness.env;
  });
  afterAll(() => harness?.stop());

  const serverNow = () => harness.serverNow();
  const sleepPast = (instant: string, days: number) => harness.sleepPast(instant, days);
  const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>) => harness.until(what, probe);
  let n = 0;
  const replayOptions = {
    workflowsPath: require.resolve('../workflows'),
    interceptors: { workflowModules: [require.resolve('../correlation.interceptors')] },
    bundlerOptions: { webpackConfigHook: aliasWorkspaceLibs(findWorkspaceRoot(__dirname), false) },
  };

  async function received() {
    const complaintId = `complaint-${Date.now().toString(36)}-${++n}`;
    const now = await serverNow();
    const input: ComplaintWorkflowInput = {
      complaintId,
      departmentCode: 'AS-ZJJ',
      regionCode: '210302',
      projectCode: null,
      category: '违法违规举报',
      acknowledgeDueAt: calendar.dueInstant(now, 1).dueAt.toISOString(),
      answerDueAt: calendar.dueInstant(now, 15).dueAt.toISOString(),
      ladder: { answerWarningLeadWorkingDays: 3, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 },
    };
    const handle = await env.client.workflow.start(complaintWorkflowType, {
      workflowId: `complaint-${complaintId}`,
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    return { handle, input };
  }
  const state = async (c: Awaited<ReturnType<typeof received>>): Promise<ComplaintWorkflowState> => c.handle.query(complaintStateQuery);
  const lettersOf = (id: string) => [...letters.entries()].filter(([k]) => k.split(':').slice(1, -1).join(':') === id);

  it('acknowledged and answered in time: no warning, no letter', async () => {
    const c = await received();
    await c.handle.signal(complaintAcknowledgedSignal, { at: (await serverNow()).toISOString() });
    await env.sleep('2 days');
    await c.handle.signal(complaintAnsweredSignal, { at: (await serverNow()).toISOString() });
    const result: ComplaintWorkflowState = await c.handle.result();
    expect(result).toMatchObject({ status: 'answered', overdue: false });
    expect(result.escalation.acknowledgement.fired).toEqual([]);
    expect(result.escalation.answer.fired).toEqual([]);
    expect([...letters.keys()].filter((k) => k.includes(c.input.complaintId))).toEqual([]);
  });

  it('not acknowledged: a 提醒函 for the acknowledgement; acknowledged late, the answer keeps its own ladder', async () => {
    const c = await received();
    await sleepPast(c.input.acknowledgeDueAt, 0.5);
    const reminder = await until('the acknowledgement 提醒函', async () => (await state(c)).escalation.acknowledgement.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(c.input.acknowledgeDueAt);
    expect((await c.handle.describe()).searchAttributes.Overdue).toEqual([true]);
    expect(
      lettersOf(`${c.input.complaintId}:acknowledgement`).map(([, v]) => [v.input.kind, v.input.obligation.kind, v.input.obligation.departmentCode]),
    ).toEqual([['提醒函', 'complaint', 'AS-ZJJ']]);
    await c.handle.signal(complaintAcknowledgedSignal, { at: (await serverNow()).toISOString() });
    await until('the complaint to wait for its answer', async () => {
      const s = await state(c);
      return s.status === 'acknowledged' && !s.overdue;
    });
    // the answer is not given: 预警 three working days before, then its 提醒函 and 督办函
    await sleepPast(c.input.answerDueAt, 30);
    const fired = await until('the answer ladder to reach 通报', async () => {
      const f = (await state(c)).escalation.answer.fired;
      return f.length === 4 ? f : undefined;
    });
    expect(fired.map((f) => f.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    expect(fired[1].dueAt).toBe(c.input.answerDueAt);
    expect(lettersOf(c.input.complaintId).map(([, v]) => [v.input.kind, v.calls])).toEqual([
      ['提醒函', 1],
      ['督办函', 1],
    ]);
    expect([...steps.keys()].filter((k) => k.startsWith(`complaint:${c.input.complaintId}:`)).map((k) => k.split(':').pop())).toEqual(['预警', '通报']);
    await c.handle.signal(complaintAnsweredSignal, { at: (await serverNow()).toISOString() });
    expect((await c.handle.result()).status).toBe('answered');
  });

  it('moved deadlines move the wait and the ladders', async () => {
    const c = await received();
    await c.handle.signal(complaintAcknowledgedSignal, { at: (await serverNow()).toISOString() });
    const answerDueAt = calendar.dueInstant(new Date(c.input.answerDueAt), 5).dueAt.toISOString();
    await c.handle.signal(complaintDeadlinesMovedSignal, {
      acknowledgeDueAt: c.input.acknowledgeDueAt,
      answerDueAt,
      reason: 'holiday arrangement for 2027 changed',
    });
    await until('the moved deadline', async () => (await state(c)).answerDueAt === answerDueAt);
    await sleepPast(c.input.answerDueAt, 0.5);
    expect((await state(c)).escalation.answer.fired.filter((f) => f.rung === '提醒函')).toEqual([]);
    await sleepPast(answerDueAt, 0.5);
    const reminder = await until('the 提醒函 on the moved deadline', async () => (await state(c)).escalation.answer.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(answerDueAt);
    await c.handle.signal(complaintAnsweredSignal, { at: (await serverNow()).toISOString() });
    expect((await c.handle.result()).status).toBe('answered');
  });

  it('a transfer turns the ladder to the new department without restarting the clock', async () => {
    const c = await received();
    await env.sleep('2 hours');
    await c.handle.signal(complaintTransferredSignal, { toDepartmentCode: 'AS-STHJJ', at: (await serverNow()).toISOString() });
    await until('the transfer', async () => (await state(c)).departmentCode === 'AS-STHJJ');
    // the deadlines are those of receipt, not of the transfer
    expect(await state(c)).toMatchObject({ acknowledgeDueAt: c.input.acknowledgeDueAt, answerDueAt: c.input.answerDueAt });
    expect((await c.handle.describe()).searchAttributes.DepartmentCode).toEqual(['AS-STHJJ']);
    await sleepPast(c.input.acknowledgeDueAt, 0.5);
    const reminder = await until('the acknowledgement 提醒函', async () => (await state(c)).escalation.acknowledgement.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(c.input.acknowledgeDueAt);
    expect(lettersOf(`${c.input.complaintId}:acknowledgement`).map(([, v]) => [v.input.kind, v.input.obligation.departmentCode])).toEqual([
      ['提醒函', 'AS-STHJJ'],
    ]);
    await c.handle.signal(complaintAnsweredSignal, { at: (await serverNow()).toISOString() });
    expect((await c.handle.result()).departmentCode).toBe('AS-STHJJ');
    await Worker.runReplayHistory(replayOptions, await c.handle.fetchHistory(), c.handle.workflowId);
  });

  describe('after the answer: rating and one review by the 工改办', () => {
    async function answered() {
      const c = await received();
      const now = await serverNow();
      await c.handle.signal(complaintAcknowledgedSignal, { at: now.toISOString() });
      const ratingDueAt = calendar.dueInstant(now, 5).dueAt.toISOString();
      await c.handle.signal(complaintAnsweredSignal, { at: now.toISOString(), ratingDueAt });
      await until('the answer', async () => (await state(c)).status === 'answered');
      return { ...c, ratingDueAt };
    }

    it('ends on a satisfied rating, and when the rating period passes without one', async () => {
      const satisfied = await answered();
      await satisfied.handle.signal(complaintRatedSignal, { rating: 'satisfied', at: (await serverNow()).toISOString() });
      expect((await satisfied.handle.result()).status).toBe('answered');
      const silent = await answered();
      await sleepPast(silent.ratingDueAt, 0.5);
      const result = await silent.handle.result();
      expect(result.status).toBe('answered');
      expect(result.escalation.review).toBeUndefined();
    });

    it('reopened: the 工改办’s review climbs its own ladder by its own deadline until answered', async () => {
      const c = await answered();
      const now = await serverNow();
      const reviewDueAt = calendar.dueInstant(now, 10).dueAt.toISOString();
      await c.handle.signal(complaintReopenedSignal, { reviewDepartmentCode: 'AS-TD-GGB', reviewDueAt, at: now.toISOString() });
      await until('the review', async () => (await state(c)).status === 'reopened');
      expect(await state(c)).toMatchObject({ reviewDueAt, answerDueAt: c.input.answerDueAt });
      await sleepPast(reviewDueAt, 0.5);
      const reminder = await until('the review’s 提醒函', async () => (await state(c)).escalation.review?.fired.find((f) => f.rung === '提醒函'));
      expect(reminder.dueAt).toBe(reviewDueAt);
      expect((await state(c)).overdue).toBe(true);
      expect(lettersOf(`${c.input.complaintId}:review`).map(([, v]) => [v.input.kind, v.input.obligation.departmentCode])).toEqual([['提醒函', 'AS-TD-GGB']]);
      await c.handle.signal(complaintReviewAnsweredSignal, { at: (await serverNow()).toISOString() });
      expect(await c.handle.result()).toMatchObject({ status: 'reviewed', overdue: false });
      // deterministic: the history (patch marker included) replays on today's code
      await Worker.runReplayHistory(replayOptions, await c.handle.fetchHistory(), c.handle.workflowId);
    });
  });
});
