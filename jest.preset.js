// Shared jest settings: swc compiles TypeScript (with decorator metadata, which Nest's DI needs)
// and the tsconfig path aliases resolve to each lib's source.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('path');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|test).ts'],
  setupFiles: [path.join(__dirname, 'jest.setup-env.js')],
  // integration tests start real services; a busy 2-core CI box needs more than jest's 5 s
  testTimeout: 30000,
};
