module.exports = {
  displayName: 'shared-data-access-kafka',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
