module.exports = {
  displayName: 'web-sessions',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
