module.exports = {
  displayName: 'shared-service-runtime',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
