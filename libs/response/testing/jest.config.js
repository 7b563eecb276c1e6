module.exports = {
  displayName: 'response-testing',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
