module.exports = {
  displayName: 'platform-observability-e2e',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  testTimeout: 240000,
};
