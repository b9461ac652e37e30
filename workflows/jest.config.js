// Jest for the workflows project; shared settings live in the workspace preset.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'workflows',
  rootDir: __dirname,
};
