module.exports = {
  displayName: 'supergraph-e2e',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // Knows whether a test failed, so the platform prints its processes' logs only then.
  testEnvironment: '<rootDir>/src/support/failure-aware-environment.ts',
  // Each journey starts six processes; a cold start on 2 busy cores takes a while.
  testTimeout: 120000,
};
