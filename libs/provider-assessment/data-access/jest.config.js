module.exports = {
  displayName: 'provider-assessment-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
