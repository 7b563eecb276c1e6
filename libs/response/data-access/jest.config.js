module.exports = {
  displayName: 'response-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
