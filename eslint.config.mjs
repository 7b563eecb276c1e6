import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom (CONVENTIONS.md), as lint errors:
 * - a domain imports its own libs, shared libs, the replicas, and other domains' contract-events only;
 * - shared libs import no domain (nor the replicas): shared is the ground floor;
 * - contract and util libs import no TypeORM, KafkaJS, Apollo or HTTP framework;
 * - the gateway imports no subgraph code; nothing at runtime imports a testing lib; nothing imports apps.
 */
const frameworkPackages = ['typeorm', 'kafkajs', '@apollo/*', 'fastify', '@as-integrations/*', 'pg'];

const depConstraints = (allowTesting) => [
  // Shared is the ground floor: it depends on no domain, not even a domain's contract.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Replicas are a read model of survey and provider-assessment facts, kept from their public topics.
  {
    sourceTag: 'scope:replicas',
    onlyDependOnLibsWithTags: ['scope:replicas', 'scope:shared', 'type:contract'],
  },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
  // Web apps and their libraries talk to the graph like any client: no domain code, only shared and web libs.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
  ...['survey', 'provider-assessment', 'response', 'analytics', 'concerns'].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared', 'scope:replicas', 'type:contract'],
  })),
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:contract',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:contract',
      'type:domain',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: [
      'type:data-access',
      'type:contract',
      'type:domain',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:util'],
    bannedExternalImports: frameworkPackages,
  },
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:contract', 'type:util'],
    bannedExternalImports: frameworkPackages,
  },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: frameworkPackages,
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
];

// test-support folders hold what specs share (fixtures, attackers, steps); only specs import them.
const testFiles = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/src/test-support/**/*.ts'];

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.data',
      '**/.nx',
      '**/__generated__/**',
      'docker/**',
      '**/*.js',
      '**/*.mjs',
      'tools/generators/src/subgraph/files/**',
    ],
  },
  js.configs.recommended,
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify route options take async hooks by design.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { properties: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(false) },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(true) },
      ],
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
];
