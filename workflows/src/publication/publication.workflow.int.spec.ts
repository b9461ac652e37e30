import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  publicationDueMovedSignal,
  publicationMadeSignal,
  publicationStateQuery,
  publicationWithdrawnSignal,
  PublicationWorkflowInput,
  PublicationWorkflowState,
  publicationWorkflowId,
  publicationWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { startWorkflowHarness, WorkflowHarness } from '../testing/workflow-harness';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * 双公示 on Temporal's time-skipping server: the calendar is the real working-day calendar
 * (chinese-days); supervision's letters are faked with their claim-once rule.
 */
describe('publicationWorkflow (双公示 within 7 working days)', () => {
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

  let n = 0;
  async function decided(over: Partial<PublicationWorkflowInput> = {}) {
    const publicationId = `pub-${Date.now().toString(36)}-${++n}`;
    const now = await harness.serverNow();
    const input: PublicationWorkflowInput = {
      publicationId,
      kind: 'penalty',
      departmentCode: 'AS-ZJJ',
      regionCode: null,
      reference: '鞍住建罚〔2026〕15号',
      // 7 working days from the decision, as credit computes it
      dueAt: calendar.dueInstant(now, 7).dueAt.toISOString(),
      ladder: { warningLeadWorkingDays: 2, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 },
      ...over,
    };
    const handle = await env.client.workflow.start(publicationWorkflowType, {
      workflowId: publicationWorkflowId(publicationId),
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    return { handle, input };
  }
  const state = (p: Awaited<ReturnType<typeof decided>>): Promise<PublicationWorkflowState> => p.handle.query(publicationStateQuery);
  const lettersOf = (id: string) => [...letters.entries()].filter(([k]) => k.startsWith(`publication:${id}:`));

  it('published in time: no warning, no letter', async () => {
    const p = await decided();
    await env.sleep('1 day');
    await p.handle.signal(publicationMadeSignal, { publishedAt: (await harness.serverNow()).toISOString() });
    const result = await p.handle.result();
    expect(result).toMatchObject({ status: 'published', overdue: false });
    expect(result.escalation.fired).toEqual([]);
    expect(lettersOf(p.input.publicationId)).toEqual([]);
  });

  it('not published within 7 working days: the ladder starts (预警, 提醒函, 督办函, 通报) against the deciding department', async () => {
    const p = await decided();
    await harness.sleepPast(p.input.dueAt, 0.5);
    const reminder = await harness.until('the 提醒函', async () => (await state(p)).escalation.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(p.input.dueAt);
    expect((await state(p)).overdue).toBe(true);
    expect((await p.handle.describe()).searchAttributes.Overdue).toEqual([true]);
    expect(
      lettersOf(p.input.publicationId).map(([, v]) => [
        v.input.kind,
        v.input.obligation.kind,
        v.input.obligation.departmentCode,
        v.input.obligation.regionCode,
      ]),
    ).toEqual([['提醒函', 'publication', 'AS-ZJJ', '210302']]);
    expect(lettersOf(p.input.publicationId)[0][1].input.obligation.title).toBe('行政处罚决定「鞍住建罚〔2026〕15号」的双公示');
    await harness.sleepPast(p.input.dueAt, 30);
    const fired = await harness.until('the 通报', async () => {
      const f = (await state(p)).escalation.fired;
      return f.length === 4 ? f : undefined;
    });
    expect(fired.map((f) => f.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    expect([...steps.keys()].filter((k) => k.startsWith(`publication:${p.input.publicationId}:`)).map((k) => k.split(':').pop())).toEqual(['预警', '通报']);
    await p.handle.signal(publicationMadeSignal, { publishedAt: (await harness.serverNow()).toISOString() });
    expect(await p.handle.result()).toMatchObject({ status: 'published', overdue: false });
  });

  it('a moved deadline moves the wait and the ladder', async () => {
    const p = await decided({ kind: 'permit', regionCode: '210302', reference: 'app-1' });
    const dueAt = calendar.dueInstant(new Date(p.input.dueAt), 3).dueAt.toISOString();
    await p.handle.signal(publicationDueMovedSignal, { dueAt, reason: 'holiday arrangement changed' });
    await harness.until('the moved deadline', async () => (await state(p)).dueAt === dueAt);
    await harness.sleepPast(p.input.dueAt, 0.5);
    expect((await state(p)).escalation.fired.filter((f) => f.rung === '提醒函')).toEqual([]);
    await harness.sleepPast(dueAt, 0.5);
    const reminder = await harness.until('the 提醒函 on the moved deadline', async () => (await state(p)).escalation.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(dueAt);
    await p.handle.signal(publicationMadeSignal, { publishedAt: (await harness.serverNow()).toISOString() });
    expect((await p.handle.result()).status).toBe('published');
  });

  it('withdrawn when its decision is revoked: the ladder stops, no letter follows', async () => {
    const p = await decided({ kind: 'permit', regionCode: '210302', reference: 'app-2' });
    await harness.sleepPast(p.input.dueAt, -1);
    await p.handle.signal(publicationWithdrawnSignal, { withdrawnAt: (await harness.serverNow()).toISOString(), reason: '撤销（告知承诺核查不实）' });
    const result: PublicationWorkflowState = await p.handle.result();
    expect(result).toMatchObject({ status: 'withdrawn', overdue: false, publishedAt: null });
    expect(result.escalation.fired.map((f) => f.rung)).not.toContain('提醒函');
    await env.sleep('30 days');
    expect(lettersOf(p.input.publicationId)).toEqual([]);
  });
});
