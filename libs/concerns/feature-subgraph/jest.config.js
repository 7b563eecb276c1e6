module.exports = {
  displayName: 'concerns-feature-subgraph',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
