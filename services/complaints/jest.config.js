// Jest for the complaints project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'complaints',
  rootDir: __dirname,
  // the integration tests start the real service against the real servers
  testTimeout: 30000,
};
