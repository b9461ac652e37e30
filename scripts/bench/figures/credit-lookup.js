// 信用查询 at the service: GET /credit-standing/{uscc} on approval (grade, commitment mode,
// restrictions) against the bare NestJS route, at the same offered rate, from many desks (the
// services throttle per user, as they would a real desk). The target is the service's own time
// (its request-duration histogram, from first middleware to last byte: guards, token, index
// lookup, view); the round trip a client sees on this shared machine is reported beside it.
const { urls, token, randomUscc } = require('../lib/stack');
const { replicasOf } = require('../lib/profile');
const { withBareRoute } = require('../lib/bare-route');
const { measure } = require('../lib/load');
const { withServiceTime } = require('../lib/service-time');

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
    const service = await withServiceTime(replicasOf('approval'), '/credit-standing/:uscc', () =>
      measure({ url: urls.approval, next, rate: RATE, seconds: SECONDS }),
    );
    const bare = await withBareRoute(async (url) => {
      const bareNext = () => ({ method: 'GET', path: `/bare/${subjects[n++ % subjects.length]}` });
      await measure({ url, next: bareNext, rate: 50, seconds: 2 });
      return withServiceTime(url, '/bare/:id', () => measure({ url, next: bareNext, rate: RATE, seconds: SECONDS }));
    });
    const carried = service.result.carried && service.result.failed === 0;
    return [
      {
        figure: `credit lookup (GET /credit-standing/{uscc}) p99 in the service, ${service.result.rps} of ${RATE} req/s carried, ${service.result.failed} failed`,
        value: service.serviceTime.p99,
        unit: 'ms',
        baseline: bare.serviceTime.p99,
        baselineName: 'bare NestJS route p99 in its process',
        target: '< 5 ms',
        met: service.serviceTime.p99 !== null && service.serviceTime.p99 < 5 && carried,
        detail: { serviceTime: service.serviceTime, bareServiceTime: bare.serviceTime, roundTrip: service.result, bareRoundTrip: bare.result },
      },
      {
        figure: `credit lookup round trip at the client p99 (load tool on the same 2 cores)`,
        value: service.result.p99,
        unit: 'ms',
        baseline: bare.result.p99,
        baselineName: 'bare NestJS route round trip p99',
        target: 'reported',
        met: null,
        detail: {},
      },
    ];
  },
};
