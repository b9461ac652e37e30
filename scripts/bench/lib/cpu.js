// CPU time and memory of the stack's processes from /proc: each component is the pid files of
// deploy/local (or deploy/cluster) and every descendant of that process (Postgres backends, the Temporal server
// under its launcher).
const fs = require('fs');
const { pidFiles, profileName } = require('./profile');

const TICK = 100; // USER_HZ on Linux

function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // its own time and that of the children it has reaped (a Postgres backend that ended between
    // two samples would otherwise take its time with it)
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), rssPages: Number(f[21]) };
  } catch {
    return null;
  }
}

function pidFrom(file) {
  try {
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0].trim()) || null;
  } catch {
    return null;
  }
}

/** Every live process: pid → stat. */
function processes() {
  const all = new Map();
  for (const entry of fs.readdirSync('/proc')) if (/^\d+$/.test(entry)) ((s) => s && all.set(Number(entry), s))(stat(entry));
  return all;
}

function withDescendants(roots, all) {
  const found = new Set(roots.filter((p) => p && all.has(p)));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) if (!found.has(pid) && found.has(s.ppid)) (found.add(pid), (grew = true));
  }
  return [...found];
}

/** The stack's components (of the profile measured, lib/profile.js) and their root pids. */
function components() {
  return Object.fromEntries(Object.entries(pidFiles).map(([name, files]) => [name, files.map(pidFrom)]));
}

/** CPU time (ticks) and RSS (MB) per component now. */
function sample() {
  const all = processes();
  const out = {};
  for (const [name, roots] of Object.entries(components())) {
    const pids = withDescendants(roots, all);
    out[name] = {
      ticks: pids.reduce((t, p) => t + all.get(p).ticks, 0),
      rssMb: (pids.reduce((t, p) => t + all.get(p).rssPages, 0) * 4096) / 2 ** 20,
      processes: pids.length,
    };
  }
  return out;
}

/** Each component's CPU over `seconds`, in % of one core, and its RSS at the end. */
async function cpuOver(seconds) {
  const before = sample();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = sample();
  const elapsed = (performance.now() - t0) / 1000;
  const out = {};
  for (const name of Object.keys(after)) {
    out[name] = { cpuPct: ((after[name].ticks - (before[name]?.ticks ?? 0)) / TICK / elapsed) * 100, rssMb: after[name].rssMb };
  }
  out.total = { cpuPct: Object.values(out).reduce((t, c) => t + c.cpuPct, 0), rssMb: Object.values(out).reduce((t, c) => t + c.rssMb, 0) };
  return out;
}

/** CPU milliseconds each component spent between two samples, per unit of work (and in all). */
function cpuMsPer(before, after, units) {
  const out = {};
  for (const name of Object.keys(after)) out[name] = ((after[name].ticks - (before[name]?.ticks ?? 0)) * (1000 / TICK)) / units;
  out.total = Object.values(out).reduce((t, ms) => t + ms, 0);
  return out;
}

// the dev stack at rest takes under 10 % of a core; the cluster's twelve Node processes and three brokers more
const QUIET_PCT = Number(process.env.BENCH_QUIET_PCT ?? (profileName === 'cluster' ? 60 : 25));
const QUIET_MAX_SECONDS = Number(process.env.BENCH_QUIET_MAX_SECONDS ?? 300);

/**
 * Waits until the stack is quiet — its CPU over 2 s below `BENCH_QUIET_PCT` % of one core (25; 60
 * on the cluster profile) — or `BENCH_QUIET_MAX_SECONDS` (300) have passed. A figure measured right
 * after another would otherwise carry the backlog the one before left (workflows still starting,
 * events still flowing). Resolves to the seconds waited and the last reading.
 */
async function quiet(what = 'the next figure') {
  const t0 = performance.now();
  let reading;
  do reading = (await cpuOver(2)).total.cpuPct;
  while (reading >= QUIET_PCT && performance.now() - t0 < QUIET_MAX_SECONDS * 1000);
  const waited = (performance.now() - t0) / 1000;
  if (waited > 2.5 || reading >= QUIET_PCT)
    process.stderr.write(
      `[bench]   ${reading >= QUIET_PCT ? 'still busy' : 'quiet'} after ${Math.round(waited)} s (${Math.round(reading)} % of a core) before ${what}\n`,
    );
  return { waitedSeconds: waited, cpuPct: reading };
}

module.exports = { sample, cpuOver, cpuMsPer, quiet };
