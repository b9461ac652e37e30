// API latency at 200 requests/s: 受理 (POST /applications, which writes the application, its
// audit entry, its outbox events and its workflow start in one transaction) and reading a project
// with its clocks (GET /projects/{code}/timing), each beside the bare NestJS route at the same rate.
// Requests come from many desks: the services throttle per user, as they would a real desk.
const { urls, token } = require('../lib/stack');
const { projectInFirstStage, accept, REGION } = require('../lib/desk');
const { withBareRoute } = require('../lib/bare-route');
const { measure } = require('../lib/load');
const { quiet } = require('../lib/cpu');

const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROJECTS = 20;
/** rates tried, lowest first, to find the highest one each endpoint still answers within target */
const STEPS = (process.env.BENCH_API_STEPS ?? '20,40,80,160').split(',').map(Number);
const STEP_SECONDS = 5;

/** The highest offered rate answered with p99 < 100 ms, all carried, none failed (stops at the first that is not). */
async function capacity(url, next) {
  let best = null;
  const tried = [];
  for (const rate of STEPS) {
    const r = await measure({ url, next, rate, seconds: STEP_SECONDS });
    tried.push({ rate, p99: r.p99, rps: r.rps, failed: r.failed });
    if (!(r.p99 < 100 && r.failed === 0 && r.carried)) break;
    best = rate;
  }
  return { best, tried };
}

function desks(department, role) {
  return Array.from({ length: 40 }, (_, i) => `Bearer ${token(department, [role], REGION, `bench-desk-${i}`)}`);
}

module.exports = {
  name: 'api-latency',
  services: ['catalog', 'approval'],
  async run() {
    const projects = [];
    for (let i = 0; i < PROJECTS; i++) projects.push(await projectInFirstStage('API'));
    // reads go to projects of their own, each with its first stage's applications accepted as a
    // project would have them: the 受理 step adds a hundred applications to each of `projects`
    const readProjects = [];
    for (let i = 0; i < PROJECTS; i++) {
      const read = await projectInFirstStage('API-READ');
      for (const [desk, item] of read.items.entries()) await accept(read.project, item, desk);
      readProjects.push(read);
    }
    const item = projects[0].items[0];
    const officers = desks(item.departmentCode, 'approval-officer');
    const readers = desks('GGB', 'reform-office');
    let n = 0;
    const submit = () => {
      const { project } = projects[n % PROJECTS];
      n++;
      return {
        method: 'POST',
        path: '/applications',
        headers: { authorization: officers[n % officers.length], 'content-type': 'application/json' },
        body: JSON.stringify({
          projectCode: project.code,
          itemCode: item.code,
          departmentCode: item.departmentCode,
          regionCode: REGION,
          ownerUscc: project.ownerUscc,
          onCommitment: false,
        }),
      };
    };
    const read = () => ({
      method: 'GET',
      path: `/projects/${readProjects[n++ % PROJECTS].project.code}/timing`,
      headers: { authorization: readers[n % readers.length] },
    });

    // each phase starts on a quiet stack: the projects' and applications' workflows started by the
    // setup or by a 受理 phase run for a while after the last answer, and would be measured as well
    await quiet('the reads');
    await measure({ url: urls.approval, next: read, rate: 50, seconds: 2 }); // warm up
    const readCapacity = await capacity(urls.approval, read);
    const readFigures = await measure({ url: urls.approval, next: read, rate: RATE, seconds: SECONDS });
    // before the full rate, which leaves a backlog behind when it is not carried
    const submitCapacity = await capacity(urls.approval, submit);
    await quiet('受理 at the full rate');
    const submitted = await measure({ url: urls.approval, next: submit, rate: RATE, seconds: SECONDS });
    const bare = await withBareRoute(async (url) => {
      const bareWrite = () => ({ method: 'POST', path: '/bare', headers: { 'content-type': 'application/json' }, body: submit().body });
      const bareRead = () => ({ method: 'GET', path: `/bare/${n++}` });
      await measure({ url, next: bareRead, rate: 50, seconds: 2 });
      return {
        write: await measure({ url, next: bareWrite, rate: RATE, seconds: SECONDS }),
        read: await measure({ url, next: bareRead, rate: RATE, seconds: SECONDS }),
      };
    });
    return [
      {
        figure: `受理 POST /applications p99, ${submitted.rps} of ${RATE} req/s carried, ${submitted.failed} failed`,
        value: submitted.p99,
        unit: 'ms',
        baseline: bare.write.p99,
        baselineName: 'bare NestJS POST p99',
        target: '< 100 ms',
        met: submitted.p99 < 100 && submitted.failed === 0 && submitted.carried,
        detail: { service: submitted, bare: bare.write },
      },
      {
        figure: `project with its clocks (GET /projects/{code}/timing) p99, ${readFigures.rps} of ${RATE} req/s carried, ${readFigures.failed} failed`,
        value: readFigures.p99,
        unit: 'ms',
        baseline: bare.read.p99,
        baselineName: 'bare NestJS GET p99',
        target: '< 100 ms',
        met: readFigures.p99 < 100 && readFigures.failed === 0 && readFigures.carried,
        detail: { service: readFigures, bare: bare.read },
      },
      {
        figure: `受理 POST /applications: highest rate of ${STEPS.join('/')} req/s answered with p99 < 100 ms, none failed`,
        value: submitCapacity.best,
        unit: 'req/s',
        baseline: null,
        target: 'reported',
        met: null,
        detail: submitCapacity,
      },
      {
        figure: `GET /projects/{code}/timing: highest rate of ${STEPS.join('/')} req/s answered with p99 < 100 ms, none failed`,
        value: readCapacity.best,
        unit: 'req/s',
        baseline: null,
        target: 'reported',
        met: null,
        detail: readCapacity,
      },
    ];
  },
};
