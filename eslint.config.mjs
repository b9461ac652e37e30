import nx from '@nx/eslint-plugin';

// Module boundaries: services never import each other (each owns its data and talks over Kafka
// or Temporal), libs never import services, contracts depend on nothing, and workflow code sees
// only contracts plus the worker wiring.
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
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'] },
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
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // end-to-end and fault tests compose whole services in one process by design
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
