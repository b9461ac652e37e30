import nx from '@nx/eslint-plugin';

// Module boundaries: services never import each other (each owns its data and talks over Kafka
// or Temporal), libs never import services, contracts depend on nothing. The workflows project
// holds two kinds of code: the worker side (worker.ts, build-bundle.ts, index.ts) may use the
// infra libs; everything else under workflows/src runs in Temporal's deterministic sandbox and
// may import only @temporalio/workflow, contracts and other workflow files.
// workflows/src/testing holds the tests' fake activities, which run in Node like the worker.
const WORKFLOW_WORKER_SIDE = ['workflows/src/worker.ts', 'workflows/src/build-bundle.ts', 'workflows/src/index.ts', 'workflows/src/testing/**'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.local/**', '.nx/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra'] },
            // workflow code itself may import only contracts (no-restricted-imports below); its worker and tests may use the pure utils too
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:testing'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:shared', 'scope:catalog'] },
            { sourceTag: 'scope:approval', onlyDependOnLibsWithTags: ['scope:shared', 'scope:approval'] },
            { sourceTag: 'scope:supervision', onlyDependOnLibsWithTags: ['scope:shared', 'scope:supervision'] },
            { sourceTag: 'scope:credit', onlyDependOnLibsWithTags: ['scope:shared', 'scope:credit'] },
            { sourceTag: 'scope:complaints', onlyDependOnLibsWithTags: ['scope:shared', 'scope:complaints'] },
            { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:shared', 'scope:workflows'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // end-to-end and fault tests compose whole services in one process by design
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // `any` is refused in production code only: tests, the test harness and a service's test
    // fixtures (<service>/testing) may fake loosely
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts', 'services/*/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // workflow code (workflows/src/**/*.workflow.ts, workflows.ts, the correlation interceptors
    // bundled with them and anything else they import) is replayed in Temporal's sandbox: no I/O,
    // no clock, no Node APIs, no infra libs
    files: ['workflows/src/**/*.ts'],
    ignores: [...WORKFLOW_WORKER_SIDE, '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|@cityworks/contracts$|\\.\\.?(/|$))',
              message:
                'workflow code may import only @temporalio/workflow, @cityworks/contracts and other workflow files (it runs in the deterministic sandbox)',
            },
            {
              regex: '^\\.\\.?/(.*/)?(worker|build-bundle|index)$|^\\.\\.?/?$',
              message: 'workflow code must not import the worker side (worker.ts, build-bundle.ts, index.ts)',
            },
          ],
        },
      ],
    },
  },
];
