module.exports = {
  displayName: 'survey-web',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // @fastify/static needs the ESM-only content-disposition: compiled for Jest, as the preset does for jose.
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  // The browser journeys start the whole platform and drive Chromium on 2 busy cores.
  testTimeout: 240000,
};
