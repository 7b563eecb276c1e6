module.exports = {
  displayName: 'tools-generators',
  preset: '../jest/jest.preset.js',
  rootDir: __dirname,
  // The templates are data, not tests or sources.
  testPathIgnorePatterns: ['/node_modules/', '/files/'],
};
