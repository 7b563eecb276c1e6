module.exports = {
  displayName: 'platform-testing',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
