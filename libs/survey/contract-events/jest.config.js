module.exports = {
  displayName: 'survey-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
