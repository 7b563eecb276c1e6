module.exports = {
  displayName: 'shared-util-logger',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
