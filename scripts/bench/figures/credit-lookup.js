// 信用查询 at the service: GET /credit-standing/{uscc} on approval (grade, commitment mode,
// restrictions) against the bare NestJS route, at the same offered rate, from many desks (the
// services throttle per user, as they would a real desk).
const { urls, token, randomUscc } = require('../lib/stack');
const { withBareRoute } = require('../lib/bare-route');
const { measure } = require('../lib/load');

const RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

module.exports = {
  name: 'credit-lookup',
  services: ['approval'],
  async run() {
    const desks = Array.from({ length: 60 }, (_, i) => `Bearer ${token(`BENCH-${i}`, ['approval-officer'])}`);
    const subjects = Array.from({ length: 1000 }, () => randomUscc());
    let n = 0;
    const next = () => {
      n++;
      return { method: 'GET', path: `/credit-standing/${subjects[n % subjects.length]}`, headers: { authorization: desks[n % desks.length] } };
    };
    await measure({ url: urls.approval, next, rate: 50, seconds: 2 }); // warm the pool and the JIT
    const service = await measure({ url: urls.approval, next, rate: RATE, seconds: SECONDS });
    const bare = await withBareRoute(async (url) => {
      const bareNext = () => ({ method: 'GET', path: `/bare/${subjects[n++ % subjects.length]}` });
      await measure({ url, next: bareNext, rate: 50, seconds: 2 });
      return measure({ url, next: bareNext, rate: RATE, seconds: SECONDS });
    });
    return [
      {
        figure: `credit lookup (GET /credit-standing/{uscc}) p99, ${service.rps} of ${RATE} req/s carried, ${service.failed} failed`,
        value: service.p99,
        unit: 'ms',
        baseline: bare.p99,
        baselineName: 'bare NestJS route p99',
        target: '< 5 ms',
        met: service.p99 < 5 && service.failed === 0 && service.carried,
        detail: { service, bare },
      },
    ];
  },
};
