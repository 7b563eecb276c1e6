import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom (CONVENTIONS.md), as lint errors:
 * - a domain imports its own libs, shared libs, the replicas, and other domains' contract-events only;
 * - shared libs import no domain (nor the replicas): shared is the ground floor;
 * - contract and util libs import no TypeORM, KafkaJS, Apollo or HTTP framework;
 * - the gateway imports no subgraph code; nothing at runtime imports a testing lib; nothing imports apps;
 * - a domain's specs may use `@nets/platform/testing` (fixtures built from other services' published facts);
 * - a domain library (rules, reference data, plain models) imports no data-access and no framework;
 * - feature-subgraph code imports no TypeORM or pg (repositories alone touch the database), and a resolver
 *   imports no data-access library at all.
 */
const frameworkPackages = [
  'typeorm',
  'pg',
  'kafkajs',
  '@apollo/*',
  'graphql',
  'graphql-*',
  '@graphql-*',
  'dataloader',
  'fastify',
  '@fastify/*',
  '@as-integrations/*',
  'undici',
  'reflect-metadata',
];

/** Persistence stays in data-access: the only code that imports TypeORM or the PostgreSQL driver. */
const persistenceImports = {
  paths: [
    { name: 'typeorm', message: 'Only data-access libraries import TypeORM: go through a repository.' },
    { name: 'pg', message: 'Only data-access libraries talk to PostgreSQL: go through a repository.' },
  ],
};

/** Resolvers are thin: they call services and never see persistence, not even its record types. */
const resolverImports = {
  paths: persistenceImports.paths,
  patterns: [
    {
      group: ['@nets/*/data-access', '@nets/*/data-access-*'],
      message: 'Resolvers call services; models come from the domain library (`@nets/<scope>/domain`).',
    },
  ],
};

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
    onlyDependOnLibsWithTags: [
      `scope:${scope}`,
      'scope:shared',
      'scope:replicas',
      'type:contract',
      ...(allowTesting ? ['scope:platform'] : []),
    ],
  })),
  // The platform's test fixtures and steps, built from each service's own reference data: specs alone use them.
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:runtime',
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
      'type:runtime',
      'type:feature',
      'type:data-access',
      'type:contract',
      'type:domain',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  // The platform's server runtime (subgraph server, service wiring, the gateway): no domain code.
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: [
      'type:runtime',
      'type:data-access',
      'type:contract',
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
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contract',
      'type:util',
      ...(allowTesting ? ['type:testing'] : []),
    ],
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
  // Services, consumers, presenters and wiring of a subgraph reach the database only through repositories.
  {
    files: ['libs/*/feature-subgraph/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', persistenceImports] },
  },
  {
    files: ['libs/*/feature-subgraph/src/lib/resolvers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', resolverImports] },
  },
  {
    files: testFiles,
    rules: { 'no-restricted-imports': 'off' },
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
