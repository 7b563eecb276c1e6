module.exports = {
  displayName: 'replicas-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
