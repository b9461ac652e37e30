// Jest for the tracing project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tracing',
  rootDir: __dirname,
};
