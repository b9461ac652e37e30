// What waiting costs: the stack's CPU (the services, the workflow worker, Temporal, Postgres,
// Kafka) while 1,000 / 10,000 / 50,000 obligations wait on their durable timers, beside the
// same stack before they were started. An obligation here is a workflow that has run to its
// timer, as every obligation of the ladder does between rungs; its worker is gone while the CPU
// is measured, as a real worker has nothing to do for a workflow that waits.
const { randomUUID } = require('crypto');
const { temporalClient, withBenchWorker, pool, terminateAllOfType, BENCH_QUEUE } = require('../lib/temporal');
const { cpuOver } = require('../lib/cpu');

const LEVELS = (process.env.BENCH_IDLE_LEVELS ?? '1000,10000,50000').split(',').map(Number);
// 90 s, not 30: Temporal's and Kafka's own periodic work moved a 30-s reading of the same empty
// stack by 3–4 points (Temporal 0.5–3.6 %, Kafka 2.0–4.0 % of a core, 2026-12-02 06:40)
const WINDOW = Number(process.env.BENCH_IDLE_SECONDS ?? 90);
// Right after `npm start` the services and Temporal are still busy with their own start-up (an
// empty reading of 21 % of a core against 10 % at 50,000 obligations, 2026-12-02 06:00), and after
// a level's starts Temporal works through them for a while: each reading, the empty one too,
// waits until the stack is steady — two 5-s readings in a row within a point of each other — or
// BENCH_IDLE_SETTLE_MAX_SECONDS, whatever it reads then. Steady, not back to the empty level: a
// cost that stays is measured, not waited out.
const SETTLE_MAX_SECONDS = Number(process.env.BENCH_IDLE_SETTLE_MAX_SECONDS ?? 180);

/** Seconds until two 5-s readings of the stack's CPU in a row are within 1 point of each other (at most the max). */
async function steady(what) {
  const t0 = performance.now();
  let previous = (await cpuOver(5)).total.cpuPct;
  let reading;
  for (;;) {
    reading = (await cpuOver(5)).total.cpuPct;
    if (Math.abs(reading - previous) <= 1 || performance.now() - t0 >= SETTLE_MAX_SECONDS * 1000) break;
    previous = reading;
  }
  const seconds = Math.round((performance.now() - t0) / 1000);
  const isSteady = Math.abs(reading - previous) <= 1;
  process.stderr.write(
    `[bench]   ${isSteady ? 'steady' : 'not steady'} after ${seconds} s ${what} (${previous.toFixed(1)} then ${reading.toFixed(1)} % of a core over 5 s)\n`,
  );
  return { seconds, steady: isSteady, lastPct: reading };
}

module.exports = {
  name: 'idle-cost',
  services: ['approval'],
  async run() {
    const { client, close } = await temporalClient();
    const runId = randomUUID().slice(0, 8);
    const ids = [];
    const at = Date.now() + 6 * 3600_000;
    try {
      const emptySteady = await steady('with no obligations');
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
        const steadiness = await steady(`after starting ${level.toLocaleString('en')} obligations`);
        levels.push({ level, steadiness, cost: await cpuOver(WINDOW) });
      }
      await terminateAllOfType(client, 'benchTimer');
      return levels.map(({ level, steadiness, cost }) => ({
        figure: `idle CPU of the stack with ${level.toLocaleString('en')} obligations waiting (${WINDOW} s, from ${steadiness.seconds} s after the last start${steadiness.steady ? '' : ', not steady'})`,
        value: cost.total.cpuPct,
        unit: '% of a core',
        baseline: empty.total.cpuPct,
        baselineName: `the stack before they were started (steady after ${emptySteady.seconds} s)`,
        target: level === 10_000 ? '< 2 % of a core more than empty' : 'reported',
        met: level === 10_000 ? cost.total.cpuPct - empty.total.cpuPct < 2 : true,
        detail: { empty, emptySteady, cost, steadiness },
      }));
    } finally {
      await close();
    }
  },
};
