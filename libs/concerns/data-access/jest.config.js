module.exports = {
  displayName: 'concerns-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
