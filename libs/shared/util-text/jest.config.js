module.exports = {
  displayName: 'shared-util-text',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
