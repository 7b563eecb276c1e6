module.exports = {
  displayName: 'staff-portal',
  preset: '../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // @fastify/static's content-disposition and @fastify/cookie's cookie are ESM only: compiled for Jest like the preset's jose.
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition|cookie)/)'],
};
