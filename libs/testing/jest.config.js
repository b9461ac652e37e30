// Jest for the testing project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'testing',
  rootDir: __dirname,
};
