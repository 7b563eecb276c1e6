module.exports = {
  displayName: 'shared-util-config',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
