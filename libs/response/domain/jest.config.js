module.exports = {
  displayName: 'response-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
