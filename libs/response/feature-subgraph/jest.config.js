module.exports = {
  displayName: 'response-feature-subgraph',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
