// Jest for the approval project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'approval',
  rootDir: __dirname,
};
