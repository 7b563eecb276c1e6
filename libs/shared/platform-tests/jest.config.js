module.exports = {
  displayName: 'shared-platform-tests',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
