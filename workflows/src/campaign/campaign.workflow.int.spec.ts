import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  campaignDeadlinesMovedSignal,
  CampaignDrawSummary,
  campaignPublishedSignal,
  campaignResultsInSignal,
  campaignStateQuery,
  CampaignWorkflowInput,
  CampaignWorkflowState,
  campaignWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { startWorkflowHarness, WorkflowHarness } from '../testing/workflow-harness';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * 双随机、一公开 on Temporal's time-skipping server: the draw activity is faked (supervision's own
 * tests run the real one), its deadlines from the real working-day calendar; letters are faked
 * with their claim-once rule.
 */
describe('campaignWorkflow (双随机、一公开)', () => {
  let harness: WorkflowHarness;
  let env: TestWorkflowEnvironment;
  const escalation = fakeEscalationActivities();
  const catalog = fakeCatalogActivities();
  const calendar = catalog.calendar;
  const draws = new Map<string, { calls: number; summary: CampaignDrawSummary }>();

  beforeAll(async () => {
    const supervision = {
      ...escalation,
      async drawCampaign({ campaignId }: { campaignId: string }): Promise<CampaignDrawSummary> {
        const known = draws.get(campaignId);
        if (known) {
          known.calls++;
          return known.summary;
        }
        const now = new Date(Number(await env.currentTimeMs()));
        const resultsDueAt = calendar.dueInstant(now, 10).dueAt;
        const summary = {
          visits: 3,
          checks: 3,
          shortfalls: 0,
          resultsDueAt: resultsDueAt.toISOString(),
          publishDueAt: calendar.dueInstant(resultsDueAt, 5).dueAt.toISOString(),
          resultsIn: false,
        };
        draws.set(campaignId, { calls: 1, summary });
        return summary;
      },
    };
    harness = await startWorkflowHarness({ [TaskQueues.supervision]: supervision, [TaskQueues.catalog]: catalog });
    env = harness.env;
  });
  afterAll(() => harness?.stop());

  let n = 0;
  async function announced() {
    const campaignId = `cmp-${Date.now().toString(36)}-${++n}`;
    const input: CampaignWorkflowInput = {
      campaignId,
      title: '2026年第四季度建筑市场双随机抽查',
      departmentCode: 'AS-ZJJ',
      regionCode: '210302',
      ladder: { warningLeadWorkingDays: 2, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 },
    };
    const handle = await env.client.workflow.start(campaignWorkflowType, {
      workflowId: `campaign-${campaignId}`,
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    const drawn = await harness.until('the draw', async () =>
      (await handle.query(campaignStateQuery)).resultsDueAt ? draws.get(campaignId)!.summary : undefined,
    );
    return { handle, campaignId, drawn };
  }
  const state = (c: Awaited<ReturnType<typeof announced>>): Promise<CampaignWorkflowState> => c.handle.query(campaignStateQuery);
  const lettersOf = (id: string) =>
    [...escalation.letters.values()].filter((l) => l.input.obligation.id === id).map((l) => [l.input.obligation.kind, l.input.kind]);

  it('results in and published on time: no warning, no letter, published', async () => {
    const c = await announced();
    expect(await state(c)).toMatchObject({ status: 'checking', resultsDueAt: c.drawn.resultsDueAt, publishDueAt: c.drawn.publishDueAt });
    await env.sleep('2 days');
    await c.handle.signal(campaignResultsInSignal, { at: (await harness.serverNow()).toISOString() });
    await harness.until('awaiting publication', async () => (await state(c)).status === 'awaiting-publication');
    await c.handle.signal(campaignPublishedSignal, { at: (await harness.serverNow()).toISOString() });
    const result: CampaignWorkflowState = await c.handle.result();
    expect(result.status).toBe('published');
    expect(result.escalation.results.fired).toEqual([]);
    expect(result.escalation.publication.fired).toEqual([]);
    expect(lettersOf(c.campaignId)).toEqual([]);
    expect(draws.get(c.campaignId)!.calls).toBe(1);
  });

  it('results late: the results ladder warns and sends a 提醒函 against the organizing department; published late, the publication ladder does the same', async () => {
    const c = await announced();
    await harness.sleepPast(c.drawn.resultsDueAt, 0.5);
    const reminder = await harness.until('the results 提醒函', async () => (await state(c)).escalation.results.fired.find((f) => f.rung === '提醒函'));
    expect(reminder.dueAt).toBe(c.drawn.resultsDueAt);
    expect((await c.handle.describe()).searchAttributes.Overdue).toEqual([true]);
    await harness.sleepPast(c.drawn.publishDueAt, 0.5);
    await harness.until('the publication 提醒函', async () => (await state(c)).escalation.publication.fired.find((f) => f.rung === '提醒函'));
    await c.handle.signal(campaignResultsInSignal, { at: (await harness.serverNow()).toISOString() });
    await c.handle.signal(campaignPublishedSignal, { at: (await harness.serverNow()).toISOString() });
    const result: CampaignWorkflowState = await c.handle.result();
    expect(result.status).toBe('published');
    expect(result.escalation.results.fired.map((f) => f.rung)).toEqual(expect.arrayContaining(['预警', '提醒函']));
    expect(lettersOf(c.campaignId)).toEqual(
      expect.arrayContaining([
        ['campaign-results', '提醒函'],
        ['publication', '提醒函'],
      ]),
    );
  });

  it('moved deadlines (a holiday arrangement changed) move the wait and the ladders', async () => {
    const c = await announced();
    const resultsDueAt = calendar.dueInstant(new Date(c.drawn.resultsDueAt), 5).dueAt.toISOString();
    const publishDueAt = calendar.dueInstant(new Date(resultsDueAt), 5).dueAt.toISOString();
    await c.handle.signal(campaignDeadlinesMovedSignal, { resultsDueAt, publishDueAt, reason: 'holiday arrangement for 2027 changed' });
    await harness.until('the moved deadlines', async () => (await state(c)).resultsDueAt === resultsDueAt);
    await harness.sleepPast(c.drawn.resultsDueAt, 0.5);
    expect((await state(c)).escalation.results.fired.filter((f) => f.rung === '提醒函')).toEqual([]);
    expect((await c.handle.describe()).searchAttributes.Overdue).toEqual([false]);
    await harness.sleepPast(resultsDueAt, 0.5);
    const reminder = await harness.until('the 提醒函 on the moved deadline', async () =>
      (await state(c)).escalation.results.fired.find((f) => f.rung === '提醒函'),
    );
    expect(reminder.dueAt).toBe(resultsDueAt);
    await c.handle.signal(campaignResultsInSignal, { at: (await harness.serverNow()).toISOString() });
    await c.handle.signal(campaignPublishedSignal, { at: (await harness.serverNow()).toISOString() });
    const result: CampaignWorkflowState = await c.handle.result();
    expect(result).toMatchObject({ status: 'published', publishDueAt });
  });
});
