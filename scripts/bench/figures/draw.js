// 双随机 draw over 1,000,000 subjects as the service draws (draw-benchmark.js runs it in a process
// of its own, so its peak RSS is the draw's), beside sorting 1,000,000 numbers in a process of the
// same kind; the same draw on one thread is reported with it.
const { execFileSync } = require('child_process');
const path = require('path');

const N = Number(process.env.BENCH_DRAW_SUBJECTS ?? 1_000_000);

function inChild(args) {
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}

const SORT = `
const n = Number(process.argv[1]);
const a = new Float64Array(n);
for (let i = 0; i < n; i++) a[i] = Math.random();
const t = process.hrtime.bigint();
a.sort();
process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

module.exports = {
  name: 'draw',
  services: [],
  async run() {
    const draw = inChild([path.join(__dirname, '..', 'draw-benchmark.js'), '--child', 'draw', String(N)]);
    // the same draw on one thread (what scripts/verify-draw.js runs): how fast this machine is today
    const oneThread = inChild([path.join(__dirname, '..', 'draw-benchmark.js'), '--child', 'draw-one-thread', String(N)]);
    const sort = inChild(['-e', SORT, String(N)]);
    return [
      {
        figure: `双随机 draw over ${N.toLocaleString('en')} subjects on ${draw.threads} threads, time (one thread: ${Math.round(oneThread.ms)} ms)`,
        value: draw.ms,
        unit: 'ms',
        baseline: sort.ms,
        baselineName: `sorting ${N.toLocaleString('en')} numbers`,
        target: '< 2000 ms',
        met: draw.ms < 2000,
        detail: { draw, oneThread, sort },
      },
      {
        figure: `双随机 draw over ${N.toLocaleString('en')} subjects, peak RSS`,
        value: draw.peakRssMb,
        unit: 'MB',
        baseline: sort.peakRssMb,
        baselineName: 'the sort process',
        target: '< 500 MB',
        met: draw.peakRssMb < 500,
        detail: { subjectsDrawn: draw.drawn },
      },
    ];
  },
};
