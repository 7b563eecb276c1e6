module.exports = {
  displayName: 'survey-web-e2e',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // The browser journeys start the whole platform and the web app, and drive Chromium on 2 busy cores (the
  // spec sets the same timeout itself, for `npm test`, where a project's testTimeout is ignored).
  testTimeout: 420000,
};
