module.exports = {
  displayName: 'analytics-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
