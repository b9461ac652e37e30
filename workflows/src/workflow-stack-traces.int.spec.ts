import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationWorkflowInput, TaskQueues } from '@cityworks/contracts';
import { findWorkspaceRoot } from '@cityworks/platform';
import { createTimeSkippingEnvironment } from '@cityworks/testing';

jest.setTimeout(120_000);

const root = findWorkspaceRoot(__dirname);
const WORKER = 'dist/workflows/src/worker.js';

/**
 * WORKFLOW_STACK_TRACES (ADR 0029): the workflow worker, run as deploy/local runs it (a real process
 * from dist/, built by `npm test`: the patched SDK reads the variable in the workflow thread, which
 * takes the process's environment, not jest's copy of it) against Temporal's test server. Off (the
 * default) → the `__stack_trace` query, the Temporal UI's Stack Trace tab, answers that stack traces
 * are not enabled; on → the workflow's stack. The workflow is an application's, held at its first
 * activity (no approval worker runs).
 */
describe('the workflow worker and WORKFLOW_STACK_TRACES', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, WORKER))) throw new Error(`${WORKER} is missing: run bash deploy/local/build.sh`);
    env = await createTimeSkippingEnvironment();
  });
  afterAll(() => env?.teardown());

  async function startWorker(setting: string | undefined): Promise<{ child: ChildProcess; output: () => string }> {
    const workerEnv: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: env.namespace ?? 'default', TRACING: 'off' };
    delete workerEnv.WORKFLOW_STACK_TRACES;
    if (setting !== undefined) workerEnv.WORKFLOW_STACK_TRACES = setting;
    const child = spawn(process.execPath, ['-r', './scripts/register-paths.js', WORKER], { cwd: root, env: workerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`the worker did not start in 60 s: ${output}`)), 60_000);
      const take = (d: Buffer) => {
        output += d;
        if (!output.includes('workflow worker on task queue')) return;
        clearTimeout(timeout);
        resolve();
      };
      child.stdout?.on('data', take);
      child.stderr?.on('data', take);
      child.once('exit', (code) => {
        clearTimeout(timeout);
        reject(new Error(`the worker exited with ${code}: ${output}`));
      });
    });
    return { child, output: () => output };
  }

  async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  /** Starts the worker with the setting, an application workflow on it, and asks for its stack. */
  async function stackTraceQuery(setting: string | undefined): Promise<{ answer: PromiseSettledResult<string>; startLine: string }> {
    const worker = await startWorker(setting);
    try {
      const input: ApplicationWorkflowInput = {
        applicationId: randomUUID(),
        projectCode: 'P-STACK-TRACES',
        itemCode: 'JS-SGXK-001',
        stage: '工程建设许可',
        departmentCode: 'AS-ZJJ',
        regionCode: '210302',
        acceptedAt: new Date().toISOString(),
        dueAt: new Date(Date.now() + 20 * 86400_000).toISOString(),
      };
      const handle = await env.client.workflow.start('applicationWorkflow', {
        taskQueue: TaskQueues.workflows,
        workflowId: `application-${input.applicationId}`,
        args: [input],
      });
      const [answer] = await Promise.allSettled([handle.query<string>('__stack_trace')]);
      await handle.terminate('test over');
      const startLine =
        worker
          .output()
          .split('\n')
          .find((l) => l.includes('workflow worker on task queue')) ?? '';
      return { answer, startLine };
    } finally {
      await stop(worker.child);
    }
  }

  it('leaves stack traces out by default: the query says they are not enabled', async () => {
    const { answer, startLine } = await stackTraceQuery(undefined);
    expect(startLine).toContain('stack traces off');
    expect(answer.status).toBe('rejected');
    const reason = (answer as PromiseRejectedResult).reason as Error;
    expect(`${reason.message} ${(reason.cause as Error | undefined)?.message ?? ''}`).toMatch(/stack traces are not enabled/i);
  });

  it('keeps them with WORKFLOW_STACK_TRACES=on: the query answers where the workflow waits', async () => {
    const { answer, startLine } = await stackTraceQuery('on');
    expect(startLine).toContain('stack traces on');
    expect(answer.status).toBe('fulfilled');
    // the line of application.workflow.ts where it awaits readApplicationClock
    expect((answer as PromiseFulfilledResult<string>).value).toMatch(/at applicationWorkflow \(.*application\.workflow\.ts:\d+:\d+\)/);
  });

  it('refuses a setting other than on or off at start, naming the variable', async () => {
    await expect(startWorker('sometimes')).rejects.toThrow(/exited with 1: .*workflow worker not started: WORKFLOW_STACK_TRACES must be/);
  });
});
