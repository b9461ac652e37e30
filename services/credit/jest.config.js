// Jest for the credit project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'credit',
  rootDir: __dirname,
};
