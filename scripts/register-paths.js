// Resolves the workspace's @cityworks/* aliases to the compiled libs under dist/ at run time.
const path = require('path');
const tsConfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const paths = {};
for (const [alias, targets] of Object.entries(compilerOptions.paths)) {
  paths[alias] = targets.map((t) => t.replace(/\.ts$/, '.js'));
}
tsConfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist'), paths });
