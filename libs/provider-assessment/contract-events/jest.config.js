module.exports = {
  displayName: 'provider-assessment-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
