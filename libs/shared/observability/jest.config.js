module.exports = {
  displayName: 'shared-observability',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
