// Jest for the calendar project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'calendar',
  rootDir: __dirname,
};
