module.exports = {
  displayName: 'analytics-feature-subgraph',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
