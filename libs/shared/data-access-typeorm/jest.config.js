module.exports = {
  displayName: 'shared-data-access-typeorm',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
