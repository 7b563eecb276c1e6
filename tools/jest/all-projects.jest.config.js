const { getJestProjectsAsync } = require('@nx/jest');

// One Jest run over every project, so `npm test` prints a single summary.
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
});
