import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TaskQueueName } from '@cityworks/contracts';
import { createTimeSkippingEnvironment, waitFor } from '@cityworks/testing';
import { createWorkflowWorker } from '../worker';

/** What a workflow test runs against: Temporal's time-skipping server, the workflow worker, and fake activity workers. */
export interface WorkflowHarness {
  env: TestWorkflowEnvironment;
  /** the test server's clock */
  serverNow(): Promise<Date>;
  /**
   * Lets Temporal's clock run to `days` days past an instant (the server's date drifts into
   * holiday periods, so durations are measured from deadlines, not from the start)
   */
  sleepPast(instant: string, days: number): Promise<void>;
  /** waits (in real time) up to a minute for a probe to answer */
  until<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the harness with one fake activity worker per task queue given. Nothing is cached: every
 * workflow task replays from history (a determinism check on every step), and the test server
 * does not hand a stopped worker's sticky tasks back to the shared queue.
 */
export async function startWorkflowHarness(activities: Partial<Record<TaskQueueName, object>>): Promise<WorkflowHarness> {
  const env = await createTimeSkippingEnvironment();
  const namespace = env.namespace ?? 'default';
  const activityWorkers: Worker[] = [];
  for (const [taskQueue, impl] of Object.entries(activities)) {
    activityWorkers.push(await Worker.create({ connection: env.nativeConnection, namespace, taskQueue, activities: impl }));
  }
  const activityRun = Promise.all(activityWorkers.map((w) => w.run()));
  const workflowWorker = await createWorkflowWorker(env.nativeConnection, { namespace, maxCachedWorkflows: 0 });
  const workflowRun = workflowWorker.run();
  const serverNow = async () => new Date(Number(await env.currentTimeMs()));
  return {
    env,
    serverNow,
    sleepPast: async (instant, days) => env.sleep(Math.max(Date.parse(instant) - (await serverNow()).getTime(), 0) + days * 86400_000),
    until: (what, probe) => waitFor(what, probe, { timeoutMs: 60_000 }),
    async stop() {
      workflowWorker.shutdown();
      activityWorkers.forEach((w) => w.shutdown());
      await Promise.all([workflowRun, activityRun]);
      await env.teardown();
    },
  };
}
