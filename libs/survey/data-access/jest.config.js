module.exports = {
  displayName: 'survey-data-access',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
