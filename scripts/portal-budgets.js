#!/usr/bin/env node
// `npm run portal:budgets`: the portal's two budgets, measured (not a timed test).
//   1. the public 公示 page's JavaScript, gzipped: every script its HTML loads and every module those
//      import statically, from the build in dist/services/portal/web (deploy/local/build.sh) — under 300 KB;
//   2. the 总览's data at the backend: GET /api/overview on a running portal (npm start; demo data
//      loaded with npm run demo), timed by the portal itself (Server-Timing) — p95 under 300 ms over
//      BUDGET_OVERVIEW_RUNS requests after the first (printed apart: it fills the portal's 30 s copy of
//      approval's year report, the one slow read).
// PORTAL_URL (default http://127.0.0.1:3006), BUDGET_OVERVIEW_RUNS (default 30). Exit 1 when a budget is missed.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.join(__dirname, '..');
const WEB = path.join(ROOT, 'dist/services/portal/web');
const PORTAL = (process.env.PORTAL_URL || 'http://127.0.0.1:3006').replace(/\/+$/, '');
const RUNS = Number(process.env.BUDGET_OVERVIEW_RUNS || 30);
const JS_BUDGET_KB = 300;
const OVERVIEW_BUDGET_MS = 300;

function publicPageScripts() {
  const html = fs.readFileSync(path.join(WEB, 'gongshi/index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const code = fs.readFileSync(path.join(WEB, url), 'utf8');
    // static imports between chunks (`import{..}from"./x.js"`, `import"./x.js"`); dynamic ones load later, on demand
    for (const m of code.matchAll(/(?:^|[;}\s])import(?:[^"'()]*?from)?\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(path.posix.join(path.posix.dirname(url), m[1]));
  }
  return [...seen].map((url) => {
    const raw = fs.readFileSync(path.join(WEB, url));
    return { url, bytes: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
  });
}

async function overviewTimes() {
  const signIn = await fetch(`${PORTAL}/api/session/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ departmentCode: 'AS-GGB', role: 'reform-office', regionCode: '210300' }),
  });
  if (!signIn.ok) throw new Error(`dev sign-in at ${PORTAL} answered ${signIn.status}: is the portal running in local mode (npm start)?`);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const res = await fetch(`${PORTAL}/api/overview`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET /api/overview answered ${res.status}`);
    const body = await res.json();
    const dur = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') || '')?.[1]);
    if (i === 0) {
      const types = body.usedDays.projectTypes.length;
      console.log(
        `overview data: ${body.obligations.departments.length} departments, ${body.letters.counted} letters, ${types} project types, ${body.illegalPauses.attempts} illegal clock-stops`,
      );
      // the first read fills the portal's 30-second copy of approval's year report; it is shown, not counted
      console.log(`first request: ${dur} ms at the backend (not counted: it may read approval’s year report itself)`);
      continue;
    }
    times.push(dur);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { runs: times.length, median: at(0.5), p95: at(0.95), max: times[times.length - 1] };
}

(async () => {
  let ok = true;
  const files = publicPageScripts();
  const total = files.reduce((s, f) => s + f.gzip, 0) / 1024;
  for (const f of files) console.log(`  ${f.url}  ${(f.bytes / 1024).toFixed(1)} KB, gzip ${(f.gzip / 1024).toFixed(1)} KB`);
  const jsOk = total < JS_BUDGET_KB;
  ok &&= jsOk;
  console.log(`public page JavaScript: ${total.toFixed(1)} KB gzipped in ${files.length} files (budget < ${JS_BUDGET_KB} KB) ${jsOk ? 'met' : 'MISSED'}`);
  const t = await overviewTimes();
  const timeOk = t.p95 < OVERVIEW_BUDGET_MS;
  ok &&= timeOk;
  console.log(
    `overview data at the backend: median ${t.median} ms, p95 ${t.p95} ms, max ${t.max} ms over ${t.runs} requests (budget p95 < ${OVERVIEW_BUDGET_MS} ms) ${timeOk ? 'met' : 'MISSED'}`,
  );
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
