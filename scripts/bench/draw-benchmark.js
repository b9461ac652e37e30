#!/usr/bin/env node
// Benchmark of the 双随机 draw (services/supervision/src/campaigns/draw): `npm run bench:draw`.
// Each size runs in its own process so the peak RSS is that size's alone. Prints a table of
// subjects, the draw's time as the service runs it (runDrawInParallel: its numbers hashed over
// worker threads) and on one thread (runDraw, what scripts/verify-draw.js runs), peak RSS, beside
// "bare engine" loops over the same count (Math.random, and node's crypto HMAC-SHA256 object per
// subject) for scale. Not a test: the figures depend on the machine and what else runs on it.
// Target: 1,000,000 subjects in < 2 s, < 500 MB.
//   node scripts/bench/draw-benchmark.js [sizes, e.g. 10000,100000,1000000]
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GRADES = ['A', 'B', 'B', 'B', 'C', 'D', null];
const RISKS = ['low', 'medium', 'medium', 'high'];

/** n distinct subjects of a valid USCC shape with a spread of grades and risks, the same every run. */
function subjects(n) {
  const list = new Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    let tail = '';
    for (let k = i, j = 0; j < 9; j++, k = Math.floor(k / 31)) tail = ALPHABET[k % 31] + tail;
    // a flat string, as JSON.parse or the database driver hands them over (a concatenation would hash slower)
    list[i] = { uscc: Buffer.from(`91210302${tail}0`, 'latin1').toString('latin1'), grade: GRADES[x % GRADES.length], risk: RISKS[(x >>> 8) % RISKS.length] };
  }
  return list;
}

const BUILT = path.join(__dirname, '..', '..', 'dist', 'services', 'supervision', 'src', 'campaigns', 'draw', 'index.js');

/**
 * The draw module as the supervision service runs it: its build under dist/ (`npm start` builds
 * it), else the TypeScript source compiled in memory, whose worker threads compile it again.
 */
function drawModule() {
  return fs.existsSync(BUILT) ? require(BUILT) : require('../verify-draw.js').loadDrawModule();
}

async function child(mode, n) {
  const list = subjects(n);
  const rssBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  let drawn = '';
  if (mode === 'draw' || mode === 'draw-one-thread') {
    const { runDraw, runDrawInParallel, defaultDrawThreads } = drawModule();
    const threads = mode === 'draw' ? defaultDrawThreads() : 1;
    const loaded = process.hrtime.bigint();
    const result = await (mode === 'draw' ? runDrawInParallel : runDraw)({
      seed: crypto.randomBytes(32).toString('hex'),
      baseRatio: 0.05,
      gradeWeights: { A: 0.5, B: 1, C: 2, D: 4, ungraded: 1 },
      riskWeights: { low: 0.5, medium: 1, high: 2 },
      subjects: list,
      departmentCodes: ['AS-ZJJ'],
      inspectorsPerCheck: 2,
      expertsPerVisit: 0,
      inspectors: Array.from({ length: 200 }, (_, i) => ({ id: `ZF-${i}`, departmentCode: 'AS-ZJJ', conflictsWith: [] })),
      experts: [],
    });
    drawn = result.visits.length;
    const ms = Number(process.hrtime.bigint() - loaded) / 1e6;
    return {
      ms,
      threads,
      module: fs.existsSync(BUILT) ? 'dist' : 'source',
      rssBeforeMb: rssBefore / 1048576,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      drawn,
    };
  }
  let sum = 0;
  if (mode === 'math-random') for (let i = 0; i < n; i++) sum += Math.random();
  if (mode === 'node-hmac') {
    const seed = crypto.randomBytes(32).toString('hex');
    for (const s of list) sum += crypto.createHmac('sha256', seed).update(s.uscc).digest().readUIntBE(0, 6);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, rssBeforeMb: rssBefore / 1048576, peakRssMb: process.resourceUsage().maxRSS / 1024, drawn: sum > 0 ? '' : '' };
}

function run(mode, n) {
  const out = execFileSync(process.execPath, [__filename, '--child', mode, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

if (process.argv[2] === '--child') {
  child(process.argv[3], Number(process.argv[4])).then((figures) => process.stdout.write(JSON.stringify(figures)));
} else {
  const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
  const rows = [['subjects', 'draw ms', 'threads', 'one thread ms', 'drawn', 'RSS before MB', 'peak RSS MB', 'Math.random loop ms', 'node HMAC loop ms']];
  for (const n of sizes) {
    const draw = run('draw', n);
    const oneThread = run('draw-one-thread', n);
    const bare = run('math-random', n);
    const hmac = run('node-hmac', n);
    rows.push(
      [n, draw.ms, draw.threads, oneThread.ms, draw.drawn, draw.rssBeforeMb, draw.peakRssMb, bare.ms, hmac.ms].map((v) =>
        typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(0) : String(v),
      ),
    );
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((v, c) => String(v).padStart(widths[c])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  console.log(
    `\ndraw: base 0.05, default weights, 200 inspectors, 2 per check; time excludes building the input list; peak RSS includes it; module: ${fs.existsSync(BUILT) ? 'the build under dist/' : 'the TypeScript source (no build under dist/)'}.`,
  );
}
