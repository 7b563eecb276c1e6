// Shared Jest preset: SWC transform with the legacy decorators and decorator metadata TypeORM needs,
// Nx's resolver for the tsconfig path aliases, and UTC everywhere.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // ESM-only packages are compiled to CommonJS for Jest; Node itself loads them with require(esm).
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|integration-spec).ts'],
  setupFiles: [require.resolve('./setup-env.js')],
  // Integration tests start real services against a shared broker and database: generous, not infinite.
  testTimeout: 60000,
  coverageReporters: ['text-summary'],
};
