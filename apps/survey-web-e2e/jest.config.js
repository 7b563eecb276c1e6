module.exports = {
  displayName: 'survey-web-e2e',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // The browser journeys start the whole platform and the web app, and drive Chromium on 2 busy cores.
  testTimeout: 300000,
};
