// Jest for the temporal project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'temporal',
  rootDir: __dirname,
};
