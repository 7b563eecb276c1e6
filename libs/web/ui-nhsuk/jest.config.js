module.exports = {
  displayName: 'web-ui-nhsuk',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // @fastify/static needs the ESM-only content-disposition: compiled for Jest, as the preset does for jose.
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
};
