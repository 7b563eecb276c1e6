module.exports = {
  displayName: 'shared-graphql-server',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
