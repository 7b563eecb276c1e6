module.exports = {
  displayName: 'analytics-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
