module.exports = {
  displayName: 'platform-faults',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // Two replicas of every service and the gateway, behind load balancers: a cold start on busy cores is slow.
  testTimeout: 600000,
};
