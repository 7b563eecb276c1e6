module.exports = {
  displayName: 'concerns-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
