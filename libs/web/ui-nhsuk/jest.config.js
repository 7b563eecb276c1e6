module.exports = {
  displayName: 'web-ui-nhsuk',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
