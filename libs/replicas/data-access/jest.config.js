module.exports = {
  displayName: 'replicas-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
