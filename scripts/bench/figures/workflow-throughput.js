// Application workflows started and completed per second through the approval API (受理, then
// 审批决定, until `application-<id>` completes), beside no-op workflows started and completed
// through the same Temporal server at the same concurrency.
const { randomUUID } = require('crypto');
const { projectInFirstStage, accept, decide, sleep } = require('../lib/desk');
const { temporalClient, withBenchWorker, pool, BENCH_QUEUE } = require('../lib/temporal');
const { sample, cpuMsPer } = require('../lib/cpu');

const N = Number(process.env.BENCH_WORKFLOWS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_WORKFLOW_CONCURRENCY ?? 10);

/** The application's workflow is started by its project's workflow (ADR 0014), so it may not exist yet. */
async function completed(client, workflowId) {
  for (const started = performance.now(); ;) {
    try {
      return await client.workflow.getHandle(workflowId).result();
    } catch (e) {
      if (e.name !== 'WorkflowNotFoundError' || performance.now() - started > 30_000) throw e;
      await sleep(20);
    }
  }
}

module.exports = {
  name: 'workflow-throughput',
  services: ['catalog', 'approval'],
  async run() {
    const { client, close } = await temporalClient();
    try {
      const projects = [];
      for (let i = 0; i < Math.ceil(N / 20); i++) projects.push(await projectInFirstStage('WF'));
      const cpuBefore = sample();
      const t0 = performance.now();
      await pool(N, CONCURRENCY, async (i) => {
        const { project, items } = projects[i % projects.length];
        const item = items[0];
        const application = await accept(project, item);
        await decide(application, item);
        await completed(client, `application-${application.id}`);
      });
      const approvalRate = N / ((performance.now() - t0) / 1000);
      // the work of the stack's processes per application, to say where the time goes on two cores
      const perApplication = cpuMsPer(cpuBefore, sample(), N);

      let perNoop = {};
      const noopRate = await withBenchWorker(async () => {
        await client.workflow.execute('benchNoop', { taskQueue: BENCH_QUEUE, workflowId: `bench-noop-warm-${randomUUID()}` });
        const stackBefore = sample();
        const benchBefore = process.cpuUsage();
        const t1 = performance.now();
        await pool(N, CONCURRENCY, () => client.workflow.execute('benchNoop', { taskQueue: BENCH_QUEUE, workflowId: `bench-noop-${randomUUID()}` }));
        const rate = N / ((performance.now() - t1) / 1000);
        const bench = process.cpuUsage(benchBefore);
        perNoop = cpuMsPer(stackBefore, sample(), N);
        // the no-op's worker and client live in this process
        perNoop.benchProcess = (bench.user + bench.system) / 1000 / N;
        perNoop.total += perNoop.benchProcess;
        return rate;
      });
      const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
      const largest = Object.entries(perApplication)
        .filter(([name]) => name !== 'total')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, ms]) => `${name} ${Math.round(ms)}`)
        .join(', ');
      return [
        {
          figure: `application workflows started and completed through the approval API (${N}, ${CONCURRENCY} at a time)`,
          value: approvalRate,
          unit: '/s',
          baseline: noopRate,
          baselineName: 'no-op workflows',
          target: '≥ 50 % of the no-op rate',
          met: approvalRate >= 0.5 * noopRate,
          detail: { approvalRate, noopRate },
        },
        {
          figure: `CPU of the whole stack per application through the approval API (most: ${largest} ms)`,
          value: perApplication.total,
          unit: 'ms',
          baseline: perNoop.total,
          baselineName: 'per no-op workflow (Temporal + its worker)',
          target: 'reported',
          met: null,
          detail: { perApplicationMs: round(perApplication), perNoopMs: round(perNoop) },
        },
      ];
    } finally {
      await close();
    }
  },
};
