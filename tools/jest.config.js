module.exports = {
  displayName: 'tools',
  preset: './jest/jest.preset.js',
  rootDir: __dirname,
  // The generators are their own project.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/generators/'],
};
