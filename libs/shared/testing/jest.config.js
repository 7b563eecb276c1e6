module.exports = {
  displayName: 'shared-testing',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
