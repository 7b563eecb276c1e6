module.exports = {
  displayName: 'concerns-contract-events',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
