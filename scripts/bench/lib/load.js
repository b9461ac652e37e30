// HTTP load by vegeta (a Go load tool, built into .local/bin by `deploy/local/provision.sh vegeta`):
// requests leave at a constant rate whatever the answers (open loop), so "p99 at 200 requests/s"
// is the latency at that arrival rate. autocannon, used before, spends a per-second budget per
// connection as fast as it can and then waits for the next second: its figures were latencies of
// bursts, the bare route's p99 among them.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT } = require('./stack');

const VEGETA = path.join(ROOT, '.local/bin/vegeta');

function ensureVegeta() {
  if (!fs.existsSync(VEGETA)) execFileSync('bash', [path.join(ROOT, 'deploy/local/provision.sh'), 'vegeta'], { stdio: 'inherit' });
}

/** vegeta's JSON target lines: one per request, each with its own path, headers and body. */
function targetsFile(url, next, count) {
  const file = path.join(os.tmpdir(), `bench-targets-${process.pid}-${Date.now()}.jsonl`);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    const header = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, [v]]));
    lines.push(
      JSON.stringify({ method: r.method ?? 'GET', url: `${url}${r.path}`, header, ...(r.body ? { body: Buffer.from(r.body).toString('base64') } : {}) }),
    );
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function run(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(VEGETA, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`vegeta ${args[0]} exited with ${code}`))));
    child.stdin.end(input);
  });
}

/**
 * @param {object} o
 * @param {string} o.url base url
 * @param {() => {method?: string, path: string, headers?: object, body?: string}} o.next the next request
 * @param {number} o.rate requests per second offered
 * @param {number} o.seconds
 */
async function measure({ url, next, rate, seconds }) {
  ensureVegeta();
  const targets = targetsFile(url, next, Math.ceil(rate * seconds));
  try {
    const results = await run(
      ['attack', '-format=json', `-targets=${targets}`, `-rate=${rate}/s`, `-duration=${seconds}s`, '-timeout=30s', '-keepalive=true'],
      '',
    );
    const report = JSON.parse(String(await run(['report', '-type=json'], results)));
    const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
    const ok = Object.entries(report.status_codes ?? {})
      .filter(([code]) => code.startsWith('2'))
      .reduce((n, [, c]) => n + c, 0);
    return {
      requests: report.requests,
      rps: Math.round(report.throughput),
      p50: ms(report.latencies['50th']),
      p99: ms(report.latencies['99th']),
      max: ms(report.latencies.max),
      failed: report.requests - ok,
      statusCodes: report.status_codes,
      /** the offered rate was carried: answered at the rate it was asked (a slow service answers at the rate it can) */
      carried: report.throughput >= 0.95 * rate,
    };
  } finally {
    fs.rmSync(targets, { force: true });
  }
}

module.exports = { measure };
