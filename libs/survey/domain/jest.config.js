module.exports = {
  displayName: 'survey-domain',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
