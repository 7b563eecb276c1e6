module.exports = {
  displayName: 'shared-auth',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
