module.exports = {
  displayName: 'shared-util-errors',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
