module.exports = {
  displayName: 'web-graph-client',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
