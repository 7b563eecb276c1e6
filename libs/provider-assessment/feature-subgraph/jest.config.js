module.exports = {
  displayName: 'provider-assessment-feature-subgraph',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
