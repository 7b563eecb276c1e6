module.exports = {
  displayName: 'staff-portal',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
};
