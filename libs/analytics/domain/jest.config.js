module.exports = {
  displayName: 'analytics-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
