module.exports = {
  displayName: 'survey-web',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
