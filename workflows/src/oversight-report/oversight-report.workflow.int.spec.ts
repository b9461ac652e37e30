import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ApplicationSample,
  ApprovalOversightActivities,
  OversightPeriodRange,
  oversightPeriodRange,
  OversightReportInput,
  OversightReportResult,
  oversightReportWorkflowType,
  previousOversightPeriod,
  PublishOversightReportInput,
  SampleFinishedApplicationsInput,
  SupervisionOversightActivities,
  TaskQueues,
} from '@cityworks/contracts';
import { createTimeSkippingEnvironment } from '@cityworks/testing';
import { createWorkflowWorker } from '../worker';

/**
 * oversightReportWorkflow on Temporal's time-skipping server with its activities faked: the
 * period a scheduled run (no period) derives from workflow time, the ranges it asks for, the
 * sample's seed from the workflow's PRNG, and nothing gathered again once the report exists.
 * The real activities and storage: test/e2e/oversight-report.e2e.spec.ts.
 */
describe('oversightReportWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let workflowWorker: Worker;
  let approvalWorker: Worker;
  let supervisionWorker: Worker;
  let running: Promise<unknown>;
  const asked: { figures: OversightPeriodRange[]; samples: SampleFinishedApplicationsInput[]; published: PublishOversightReportInput[] } = {
    figures: [],
    samples: [],
    published: [],
  };
  const stored = new Map<string, string>();

  const approval: ApprovalOversightActivities = {
    async applicationFigures(range) {
      asked.figures.push(range);
      return { asOf: new Date().toISOString(), departments: [] };
    },
    async sampleFinishedApplications(input): Promise<ApplicationSample> {
      asked.samples.push(input);
      return { seed: input.seed, size: input.size, populationSize: 0, populationDigest: '0'.repeat(64), items: [] };
    },
  };
  const supervision: SupervisionOversightActivities = {
    async supervisionFigures() {
      return { asOf: new Date().toISOString(), departments: [] };
    },
    async findOversightReport({ kind, period }) {
      const reportId = stored.get(`${kind}:${period}`);
      return reportId ? { reportId } : null;
    },
    async publishOversightReport(input) {
      asked.published.push(input);
      const reportId = `report-${input.kind}-${input.period}`;
      stored.set(`${input.kind}:${input.period}`, reportId);
      return { reportId, kind: input.kind, period: input.period, newlyPublished: true };
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    const namespace = env.namespace ?? 'default';
    workflowWorker = await createWorkflowWorker(env.nativeConnection, { namespace, maxCachedWorkflows: 0 });
    approvalWorker = await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.approval, activities: approval });
    supervisionWorker = await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.supervision, activities: supervision });
    running = Promise.all([workflowWorker.run(), approvalWorker.run(), supervisionWorker.run()]);
  });

  afterAll(async () => {
    workflowWorker?.shutdown();
    approvalWorker?.shutdown();
    supervisionWorker?.shutdown();
    await running;
    await env?.teardown();
  });

  const runReport = (input: OversightReportInput, workflowId: string): Promise<OversightReportResult> =>
    env.client.workflow.execute(oversightReportWorkflowType, { taskQueue: TaskQueues.workflows, workflowId, args: [input] });

  it('a scheduled run (no period) reports on the month before its workflow time, China time, with a seeded sample', async () => {
    asked.figures.length = asked.samples.length = asked.published.length = 0;
    const workflowId = `oversight-report-monthly-scheduled-${Date.now()}`;
    const result = await runReport({ kind: 'monthly', sampleSize: 5 }, workflowId);
    // the workflow's time is its start (the test server's clock drifts ahead once time was skipped)
    const { startTime } = await env.client.workflow.getHandle(workflowId).describe();
    const period = previousOversightPeriod('monthly', startTime);
    expect(result).toEqual({ reportId: `report-monthly-${period}`, kind: 'monthly', period, newlyPublished: true });
    const range = oversightPeriodRange('monthly', period);
    expect(asked.figures).toEqual([{ from: range.from.toISOString(), to: range.to.toISOString() }]);
    expect(asked.samples).toHaveLength(1);
    expect(asked.samples[0]).toMatchObject({ from: range.from.toISOString(), to: range.to.toISOString(), size: 5 });
    expect(Number.isInteger(asked.samples[0].seed) && asked.samples[0].seed >= 0 && asked.samples[0].seed <= 0xffffffff).toBe(true);
    expect(asked.published[0]).toMatchObject({ kind: 'monthly', period, sample: { seed: asked.samples[0].seed, size: 5 } });
  });

  it('a manual run of a past quarter draws no sample, and a repeat finds the report and gathers nothing', async () => {
    asked.figures.length = asked.samples.length = asked.published.length = 0;
    const first = await runReport({ kind: 'quarterly', period: '2026-Q2' }, 'oversight-report-quarterly-2026-Q2');
    expect(first).toEqual({ reportId: 'report-quarterly-2026-Q2', kind: 'quarterly', period: '2026-Q2', newlyPublished: true });
    expect(asked.figures).toEqual([{ from: '2026-03-31T16:00:00.000Z', to: '2026-06-30T16:00:00.000Z' }]);
    expect(asked.samples).toEqual([]);
    expect(asked.published[0]).toMatchObject({ workflowId: 'oversight-report-quarterly-2026-Q2', sample: null });

    const again = await runReport({ kind: 'quarterly', period: '2026-Q2' }, `oversight-report-quarterly-2026-Q2-again`);
    expect(again).toEqual({ reportId: 'report-quarterly-2026-Q2', kind: 'quarterly', period: '2026-Q2', newlyPublished: false });
    expect(asked.figures).toHaveLength(1);
    expect(asked.published).toHaveLength(1);
  });
});
