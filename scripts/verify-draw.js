#!/usr/bin/env node
// Re-runs a published 双随机 draw from its inputs and revealed seed, with the very module the
// supervision service draws with (services/supervision/src/campaigns/draw), and prints the list:
//   node scripts/verify-draw.js published-draw.json          (or: npm run verify-draw -- published-draw.json)
//   node scripts/verify-draw.js published-draw.json --json   (the whole result as JSON, as the API answers)
// Exit code 0 when SHA-256(seed) equals the published commitment (and the published list, if the
// file has one, equals the re-run); 1 when not; 2 for a file that cannot be read.
// The algorithm is written out in docs/random-draw.md.
const fs = require('fs');
const path = require('path');

const DRAW_DIR = path.join(__dirname, '..', 'services', 'supervision', 'src', 'campaigns', 'draw');

/** Loads the draw module's TypeScript source, compiled in memory by swc (a dev dependency of the repository). */
function loadDrawModule() {
  const swc = require('@swc/core');
  const previous = require.extensions['.ts'];
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = swc.transformSync(source, {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
  try {
    return require(path.join(DRAW_DIR, 'index.ts'));
  } finally {
    if (previous) require.extensions['.ts'] = previous;
    else delete require.extensions['.ts'];
  }
}

function main(argv) {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node scripts/verify-draw.js <published-draw.json> [--json]');
    return 2;
  }
  let published;
  try {
    published = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${file}: ${e.message}`);
    return 2;
  }
  const draw = loadDrawModule();
  let verification;
  try {
    verification = draw.verifyPublishedDraw(published);
  } catch (e) {
    console.error(e.problems ? `${e.message}` : `cannot re-run the draw: ${e.message}`);
    return 2;
  }
  if (argv.includes('--json')) console.log(JSON.stringify(verification, null, 2));
  else console.log(draw.describeVerification(verification).join('\n'));
  return verification.commitmentMatches && verification.listMatches !== false ? 0 : 1;
}

module.exports = { loadDrawModule };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
