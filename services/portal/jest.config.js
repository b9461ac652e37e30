// Jest for the portal: unit specs of the BFF, integration specs against the real services, and the
// browser suite (web/e2e) driving Debian's chromium through playwright-core.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'portal',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/web/dist/'],
  // the browser suite starts the services in-process and runs one file at a time
  maxWorkers: 1,
  testTimeout: 120000,
};
