module.exports = {
  displayName: 'identity-provider',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // e2e/ is its own project (it starts the platform).
  roots: ['<rootDir>/src'],
};
