import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { CreditActivities, creditGradeRefreshWorkflowType, TaskQueues } from '@cityworks/contracts';
import { createTimeSkippingEnvironment } from '@cityworks/testing';
import { createWorkflowWorker } from '../worker';

jest.setTimeout(60_000);

/** The scheduled refresh hands its look-back to credit and answers what credit did (the activity itself is credit's test). */
describe('creditGradeRefreshWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('hands credit its look-back, retries a failed attempt and answers the result', async () => {
    const calls: number[] = [];
    const credit: Pick<CreditActivities, 'refreshExpiredGrades'> = {
      async refreshExpiredGrades({ lookBackDays }) {
        calls.push(lookBackDays);
        if (calls.length === 1) throw new Error('database restarting');
        return { asOf: '2026-12-01', subjectsChecked: 3, gradesChanged: 1 };
      },
    };
    const namespace = env.namespace ?? 'default';
    const activities = await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.credit, activities: credit });
    const workflows = await createWorkflowWorker(env.nativeConnection, { namespace, maxCachedWorkflows: 0 });
    const result = await Promise.all([
      activities.run(),
      workflows.run(),
      (async () => {
        try {
          return await env.client.workflow.execute(creditGradeRefreshWorkflowType, {
            workflowId: `refresh-${Date.now()}`,
            taskQueue: TaskQueues.workflows,
            args: [{ lookBackDays: 7 }],
          });
        } finally {
          activities.shutdown();
          workflows.shutdown();
        }
      })(),
    ]).then(([, , r]) => r);
    expect(result).toEqual({ asOf: '2026-12-01', subjectsChecked: 3, gradesChanged: 1 });
    expect(calls).toEqual([7, 7]);
  });
});
