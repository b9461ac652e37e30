import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SupervisionActivities,
  supervisionDeadlineChangedSignal,
  supervisionFeedbackSignal,
  supervisionTaskStateQuery,
  supervisionTaskWorkflowType,
  SupervisionTaskInput,
  TaskQueues,
} from '@cityworks/contracts';
import { createTimeSkippingEnvironment } from '@cityworks/testing';
import { createWorkflowWorker } from '../worker';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

/** The workflow's logic on Temporal's time-skipping server, with the supervision activities faked. */
describe('supervisionTaskWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let workflowWorker: Worker;
  let activityWorker: Worker;
  let catalogWorker: Worker;
  const escalation = fakeEscalationActivities();
  let running: Promise<unknown>;
  const overdueCalls: string[] = [];
  let recordedStatus: 'open' | 'overdue' | 'closed' = 'open';

  const activities: SupervisionActivities = {
    async markSupervisionTaskOverdue({ taskId }) {
      overdueCalls.push(taskId);
      if (recordedStatus === 'closed') return { changed: false, status: 'closed' };
      recordedStatus = 'overdue';
      return { changed: true, status: 'overdue' };
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    workflowWorker = await createWorkflowWorker(env.nativeConnection, { namespace: env.namespace ?? 'default' });
    activityWorker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: TaskQueues.supervision,
      activities: { ...activities, ...escalation },
    });
    catalogWorker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: TaskQueues.catalog,
      activities: fakeCatalogActivities(),
    });
    running = Promise.all([workflowWorker.run(), activityWorker.run(), catalogWorker.run()]);
  });

  afterAll(async () => {
    workflowWorker.shutdown();
    activityWorker.shutdown();
    catalogWorker.shutdown();
    await running;
    await env.teardown();
  });

  beforeEach(() => {
    overdueCalls.length = 0;
    recordedStatus = 'open';
  });

  // the test server's clock runs ahead of the wall clock once a test has skipped time
  const serverNow = async () => Number(await env.currentTimeMs());

  const input = (taskId: string, dueAt: number): SupervisionTaskInput => ({
    taskId,
    applicationId: `app-${taskId}`,
    projectCode: 'P-1',
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-ZJJ',
    regionCode: '210302',
    dueAt: new Date(dueAt).toISOString(),
  });

  const start = async (taskId: string, dueInMs: number) =>
    env.client.workflow.start(supervisionTaskWorkflowType, {
      workflowId: `wf-${taskId}-${Date.now()}`,
      taskQueue: TaskQueues.workflows,
      args: [input(taskId, (await serverNow()) + dueInMs)],
    });

  it('closes without escalation when feedback arrives before the deadline', async () => {
    const handle = await start('t-in-time', 5 * 86400_000);
    await handle.signal(supervisionFeedbackSignal, { outcome: '已核查', givenAt: new Date().toISOString() });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'closed', feedback: { outcome: '已核查' } });
    expect(overdueCalls).toEqual([]);
  });

  it('marks the task overdue once at the deadline, then closes on late feedback', async () => {
    const handle = await start('t-late', 5 * 86400_000);
    await env.sleep('6 days');
    expect(await handle.query(supervisionTaskStateQuery)).toMatchObject({ status: 'overdue' });
    await handle.signal(supervisionFeedbackSignal, { outcome: '逾期反馈', givenAt: new Date().toISOString() });
    const closed = await handle.result();
    expect(closed).toMatchObject({ status: 'closed' });
    expect(overdueCalls).toEqual(['t-late']);
    // the supervising department was the late one: the ladder warned it and sent it a 提醒函
    expect(closed.escalation.fired.map((f: { rung: string }) => f.rung)).toEqual(['预警', '提醒函']);
    expect([...escalation.letters.values()].filter((l) => l.input.obligation.id === 't-late').map((l) => l.input.obligation.departmentCode)).toEqual([
      'AS-ZJJ',
    ]);
  });

  it('ends when the record shows feedback whose signal was lost', async () => {
    recordedStatus = 'closed';
    const handle = await start('t-lost-signal', 86400_000);
    expect(await handle.result()).toMatchObject({ status: 'closed' });
    expect(overdueCalls).toEqual(['t-lost-signal']);
  });

  it('waits for a deadline moved by an official holiday arrangement', async () => {
    const handle = await start('t-moved', 5 * 86400_000);
    const later = new Date((await serverNow()) + 10 * 86400_000).toISOString();
    await handle.signal(supervisionDeadlineChangedSignal, { dueAt: later, reason: 'official holiday arrangement for 2027' });
    await env.sleep('6 days');
    expect(await handle.query(supervisionTaskStateQuery)).toMatchObject({ status: 'open', dueAt: later });
    expect(overdueCalls).toEqual([]);
    await env.sleep('5 days');
    expect(await handle.query(supervisionTaskStateQuery)).toMatchObject({ status: 'overdue' });
    expect(overdueCalls).toEqual(['t-moved']);
    await handle.signal(supervisionFeedbackSignal, { outcome: '已核查', givenAt: new Date().toISOString() });
    expect(await handle.result()).toMatchObject({ status: 'closed' });
  });
});
