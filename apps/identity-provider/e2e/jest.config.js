module.exports = {
  displayName: 'identity-provider-e2e',
  preset: '../../../tools/jest/jest.preset.js',
  rootDir: __dirname,
  // openid-client (the relying party here, as in the staff portal) is ESM-only: compiled for Jest like jose.
  transformIgnorePatterns: ['/node_modules/(?!(jose|openid-client|oauth4webapi)/)'],
  // The whole platform starts on 2 busy cores (the spec sets the same timeout itself, for `npm test`).
  testTimeout: 300000,
};
