module.exports = {
  displayName: 'shared-data-access-replicas',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
