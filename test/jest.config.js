// Jest for the e2e project; shared settings live in the workspace preset.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  // end-to-end scenarios share the real servers and run one file at a time
  maxWorkers: 1,
  testTimeout: 120000,
};
