#!/usr/bin/env node
// `npm run bench [-- figure …]`: measures the running system (npm start first; or the cluster
// profile, npm run start:cluster, with BENCH_PROFILE=cluster) and prints one
// table, each figure beside its limit measured in the same run, and writes it as JSON under
// .local/bench/. No figure here is asserted in `npm test`: these machines are noisy.
require('../register-paths');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, assertUp } = require('./lib/stack');
const { profileName } = require('./lib/profile');
const { quiet } = require('./lib/cpu');

const FIGURES = ['workflow-throughput', 'timer-lateness', 'idle-cost', 'live-projects', 'api-latency', 'credit-lookup', 'decision-to-task', 'draw'];

function cell(v) {
  return v === null || v === undefined ? '—' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
}

/** Columns as a terminal shows them: CJK characters take two cells. */
const width = (s) => [...s].reduce((w, c) => w + (c.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s, w) => s + ' '.repeat(Math.max(0, w - width(s)));

function print(rows) {
  const header = ['figure', 'measured', 'limit (same run)', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [
    r.figure,
    `${cell(r.value)} ${r.unit}`,
    r.baseline === null || r.baseline === undefined ? '—' : `${cell(r.baseline)} ${r.unit} (${r.baselineName})`,
    r.baseline ? `${cell(r.value / r.baseline)}×` : '—',
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells) => '| ' + cells.map((c, i) => pad(c, widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}

(async () => {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : FIGURES;
  const unknown = wanted.filter((w) => !FIGURES.includes(w));
  if (unknown.length) throw new Error(`unknown figure(s) ${unknown.join(', ')}; known: ${FIGURES.join(', ')}`);
  const rows = [];
  const machine = {
    profile: profileName,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const dir = path.join(ROOT, '.local', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  // written after every figure, so a long run cut short keeps what it measured
  const save = (done) => fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, done, rows }, null, 2));
  for (const name of wanted) {
    const figure = require(`./figures/${name}`);
    await assertUp(figure.services);
    process.stderr.write(`[bench] ${name} …\n`);
    await quiet(name);
    const measured = await figure.run();
    rows.push(...measured);
    for (const r of measured)
      process.stderr.write(
        `[bench]   ${r.figure}: ${cell(r.value)} ${r.unit} (limit ${cell(r.baseline)}) ${r.met === null ? 'reported' : r.met ? 'met' : 'NOT met'}\n`,
      );
    save(false);
  }
  print(rows);
  save(true);
  console.log(
    `\nprofile: ${profileName} (BENCH_PROFILE)\nmachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}\nwritten to ${path.relative(ROOT, file)}`,
  );
})().catch((e) => {
  console.error(`[bench] ${e.message}`);
  process.exit(1);
});
