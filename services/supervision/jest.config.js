// Jest for the supervision project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'supervision',
  rootDir: __dirname,
};
