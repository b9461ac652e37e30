// How late a durable timer fires after its due instant — what every rung of the escalation ladder
// waits on — with 10,000 other timers pending on the Temporal server, beside the same with 10
// pending. Lateness is read inside the workflow (its clock is the time the worker ran the task the
// fired timer caused), so it includes the server's timer queue, matching and the worker's pickup.
const { randomUUID } = require('crypto');
const { temporalClient, withBenchWorker, pool, terminateAllOfType, BENCH_QUEUE } = require('../lib/temporal');
const { percentiles } = require('../lib/percentiles');

const PENDING = Number(process.env.BENCH_PENDING_TIMERS ?? 10_000);
const PROBES = Number(process.env.BENCH_TIMER_PROBES ?? 50);

/** Starts `count` workflows whose timers fire in two hours (ended by type after the probes). */
async function pendingTimers(client, count, runId) {
  const at = Date.now() + 2 * 3600_000;
  const started = performance.now();
  await pool(count, 50, async (i) => {
    const workflowId = `bench-pending-${runId}-${i}`;
    await client.workflow.start('benchTimer', { taskQueue: BENCH_QUEUE, workflowId, args: [at] });
  });
  const startSeconds = (performance.now() - started) / 1000;
  // each start queued a first workflow task (run to the timer); a no-op queued after them runs
  // once they have, so the probes measure pending timers, not the start-up backlog
  await client.workflow.execute('benchNoop', { taskQueue: BENCH_QUEUE, workflowId: `bench-drain-${runId}` });
  return { startSeconds };
}

/** PROBES timers due over the next 10 to 20 s; how late each fired, in ms. */
async function probeLateness(client, runId) {
  const base = Date.now() + 10_000;
  const handles = [];
  for (let i = 0; i < PROBES; i++) {
    handles.push(await client.workflow.start('benchTimer', { taskQueue: BENCH_QUEUE, workflowId: `bench-probe-${runId}-${i}`, args: [base + i * 200] }));
  }
  return percentiles(await Promise.all(handles.map((h) => h.result())));
}

module.exports = {
  name: 'timer-lateness',
  services: [],
  async run() {
    const { client, close } = await temporalClient();
    const runId = randomUUID().slice(0, 8);
    try {
      return await withBenchWorker(async () => {
        await pendingTimers(client, 10, `${runId}-few`);
        const fewLateness = await probeLateness(client, `${runId}-few`);
        await terminateAllOfType(client, 'benchTimer');
        const many = await pendingTimers(client, PENDING, `${runId}-many`);
        const manyLateness = await probeLateness(client, `${runId}-many`);
        await terminateAllOfType(client, 'benchTimer');
        return [
          {
            figure: `a timer's lateness after its due instant, p99 of ${PROBES}, ${PENDING.toLocaleString('en')} timers pending`,
            value: manyLateness.p99,
            unit: 'ms',
            baseline: fewLateness.p99,
            baselineName: '10 timers pending',
            target: '< 2000 ms',
            met: manyLateness.p99 < 2000,
            detail: { many: manyLateness, few: fewLateness, startPerSecond: PENDING / many.startSeconds },
          },
        ];
      });
    } finally {
      await close();
    }
  },
};
