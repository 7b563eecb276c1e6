module.exports = {
  displayName: 'survey-feature-subgraph',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
