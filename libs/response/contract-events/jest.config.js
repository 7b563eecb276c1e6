module.exports = {
  displayName: 'response-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
