// What waiting costs: the stack's CPU (the services, the workflow worker, Temporal, Postgres,
// Kafka) while 1,000 / 10,000 / 50,000 obligations wait on their durable timers, beside the
// same stack before they were started. An obligation here is a workflow that has run to its
// timer, as every obligation of the ladder does between rungs; its worker is gone while the CPU
// is measured, as a real worker has nothing to do for a workflow that waits.
const { randomUUID } = require('crypto');
const { temporalClient, withBenchWorker, pool, terminateAllOfType, BENCH_QUEUE } = require('../lib/temporal');
const { cpuOver } = require('../lib/cpu');

const LEVELS = (process.env.BENCH_IDLE_LEVELS ?? '1000,10000,50000').split(',').map(Number);
const WINDOW = Number(process.env.BENCH_IDLE_SECONDS ?? 30);

module.exports = {
  name: 'idle-cost',
  services: ['approval'],
  async run() {
    const { client, close } = await temporalClient();
    const runId = randomUUID().slice(0, 8);
    const ids = [];
    const at = Date.now() + 6 * 3600_000;
    try {
      const empty = await cpuOver(WINDOW);
      const levels = [];
      for (const level of LEVELS) {
        await withBenchWorker(async () => {
          const from = ids.length;
          await pool(level - from, 100, async (i) => {
            const workflowId = `bench-idle-${runId}-${from + i}`;
            await client.workflow.start('benchTimer', { taskQueue: BENCH_QUEUE, workflowId, args: [at] });
            ids.push(workflowId);
          });
          await client.workflow.execute('benchNoop', { taskQueue: BENCH_QUEUE, workflowId: `bench-idle-drain-${runId}-${level}` });
        });
        await new Promise((r) => setTimeout(r, 5000)); // let the start-up settle
        levels.push({ level, cost: await cpuOver(WINDOW) });
      }
      await terminateAllOfType(client, 'benchTimer');
      return levels.map(({ level, cost }) => ({
        figure: `idle CPU of the stack with ${level.toLocaleString('en')} obligations waiting (${WINDOW} s)`,
        value: cost.total.cpuPct,
        unit: '% of a core',
        baseline: empty.total.cpuPct,
        baselineName: 'the stack before they were started',
        target: level === 10_000 ? '< 2 % of a core more than empty' : 'reported',
        met: level === 10_000 ? cost.total.cpuPct - empty.total.cpuPct < 2 : true,
        detail: { empty, cost },
      }));
    } finally {
      await close();
    }
  },
};
