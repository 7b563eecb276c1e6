module.exports = {
  displayName: 'shared-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
