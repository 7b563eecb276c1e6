module.exports = {
  displayName: 'response-domain-redaction',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
