// 10,000 live projects, each registered through the approval API with one application accepted,
// so each has its lifecycle workflow and an application workflow waiting on its deadline timer:
// how long they take to start, and the memory of the workflow worker (target < 1 GB), the
// Temporal server and Postgres once they all wait.
const { urls, randomUscc } = require('../lib/stack');
const { call, reformOffice, accept, sleep, REGION } = require('../lib/desk');
const { temporalClient, pool } = require('../lib/temporal');
const { sample } = require('../lib/cpu');

const COUNT = Number(process.env.BENCH_LIVE_PROJECTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_LIVE_CONCURRENCY ?? 20);
/** how long to wait, after the last 受理, for every application's workflow to run */
const WAIT_SECONDS = Number(process.env.BENCH_LIVE_WAIT_SECONDS ?? 1800);

module.exports = {
  name: 'live-projects',
  services: ['catalog', 'approval'],
  async run() {
    const { client, close } = await temporalClient();
    const tag = Date.now().toString(36).toUpperCase();
    try {
      const { items } = await call(urls.catalog, 'POST', '/stage-templates/required-items', reformOffice(), {
        projectType: '社会投资简易低风险',
        regionCode: REGION,
        stage: '立项用地规划许可',
        facts: { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false },
      });
      const item = items[0].item;
      const before = sample();
      let peakRss = before['workflow worker'].rssMb;
      const watch = setInterval(() => (peakRss = Math.max(peakRss, sample()['workflow worker'].rssMb)), 5000);
      const t0 = performance.now();
      await pool(COUNT, CONCURRENCY, async (i) => {
        const project = {
          code: `BENCH-LIVE-${tag}-${i}`,
          name: '基准测试项目',
          type: '社会投资简易低风险',
          regionCode: REGION,
          ownerUscc: randomUscc(REGION),
          facts: { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false },
        };
        // two calls per project, spread over 100 desks: far under each desk's per-minute limit
        await call(urls.approval, 'POST', '/projects', reformOffice(i % 100), project);
        await accept(project, item, i % 100);
      });
      const accepted = (performance.now() - t0) / 1000;
      // every application's workflow started (its project's workflow starts it): count them
      const query = `WorkflowId STARTS_WITH 'application-' AND ExecutionStatus = 'Running' AND StartTime > '${new Date(Date.now() - (accepted + 60) * 1000).toISOString()}'`;
      let running = 0;
      for (const waitFrom = performance.now(); running < COUNT && performance.now() - waitFrom < WAIT_SECONDS * 1000;) {
        running = (await client.workflow.count(query)).count;
        if (running < COUNT) await sleep(1000);
      }
      const live = (performance.now() - t0) / 1000;
      clearInterval(watch);
      const after = sample();
      const worker = after['workflow worker'];
      peakRss = Math.max(peakRss, worker.rssMb);
      return [
        {
          figure: `${COUNT.toLocaleString('en')} live projects (lifecycle + application workflow waiting on its deadline): time until all run${
            running < COUNT ? ` — ${running.toLocaleString('en')} running when the bench stopped waiting` : ''
          }`,
          value: live,
          unit: 's',
          baseline: null,
          target: 'reported',
          met: running >= COUNT,
          detail: { acceptedSeconds: accepted, running, perSecond: COUNT / live },
        },
        {
          // a worker that is gone at the end (it crashed) has no RSS to read: not met, and said
          figure: `workflow worker RSS, highest while ${COUNT.toLocaleString('en')} projects started (sampled every 5 s)${
            worker.processes === 0 ? ' — the worker was not running at the end' : ''
          }`,
          value: worker.processes === 0 ? null : peakRss,
          unit: 'MB',
          baseline: before['workflow worker'].rssMb,
          baselineName: 'before they started',
          target: '< 1024 MB',
          met: worker.processes > 0 && peakRss < 1024,
          detail: { before, after, peakWorkerRssMb: peakRss, endWorkerRssMb: worker.rssMb },
        },
        {
          figure: `Temporal server RSS / Postgres RSS with ${COUNT.toLocaleString('en')} live projects`,
          value: after.temporal.rssMb,
          unit: 'MB',
          baseline: before.temporal.rssMb,
          baselineName: 'Temporal before',
          target: `reported (Postgres ${Math.round(after.postgres.rssMb)} MB, before ${Math.round(before.postgres.rssMb)} MB)`,
          met: true,
        },
      ];
    } finally {
      await close();
    }
  },
};
