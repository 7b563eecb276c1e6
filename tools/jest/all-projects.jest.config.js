const { join } = require('node:path');
const { getJestProjectsAsync } = require('@nx/jest');

// One Jest run over every project, so `npm test` prints a single summary.
module.exports = async () => ({
  rootDir: join(__dirname, '..', '..'),
  // A global option: Jest ignores it inside project configs when several projects run together.
  testTimeout: 60000,
  projects: await getJestProjectsAsync(),
});
