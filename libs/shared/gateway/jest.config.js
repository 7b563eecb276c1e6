module.exports = {
  displayName: 'shared-gateway',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
