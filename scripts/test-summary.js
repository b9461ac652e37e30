// The closing lines of `npm test` (and of CI's run, which prints them again at its very end):
// the sum over every project's jest JSON report in .local/test-results, then each failed test
// and each suite that failed to run, with the first lines of why — so a red run's cause is in
// the last screen of output, not somewhere in forty minutes of it.
//   node scripts/test-summary.js [results-dir]
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || path.join(__dirname, '../.local/test-results');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
let suites = 0;
const failures = [];
// jest's messages carry colour codes and long stacks; a few plain lines say enough
const firstLines = (text, n = 6) =>
  (text || '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !/^\s+at /.test(l))
    .slice(0, n)
    .map((l) => `      ${l.trim()}`)
    .join('\n');

for (const f of files) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  if (typeof r.numTotalTests !== 'number') continue;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests || 0);
  suites += r.numTotalTestSuites;
  for (const suite of r.testResults || []) {
    const file = path.relative(path.join(__dirname, '..'), suite.name);
    const failedTests = (suite.assertionResults || []).filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`  ✕ ${file} › ${a.fullName}\n${firstLines(a.failureMessages.join('\n'))}`);
    if (suite.status === 'failed' && failedTests.length === 0) failures.push(`  ✕ ${file} (the suite failed to run)\n${firstLines(suite.message)}`);
  }
}
console.log(`\n[test] ${suites} suites in ${files.length} projects`);
if (failures.length) console.log(`[test] failed:\n${failures.join('\n')}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
