module.exports = {
  displayName: 'provider-assessment-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
