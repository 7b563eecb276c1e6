module.exports = {
  displayName: 'staff-portal-e2e',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // The journeys start the platform, the identity provider and the portal, load the demo data and drive
  // Chromium on 2 busy cores (the spec sets the same timeout itself, for `npm test`).
  testTimeout: 600000,
};
