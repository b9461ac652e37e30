// Jest for the calendar-sync project; shared settings live in the workspace preset.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'calendar-sync',
  rootDir: __dirname,
};
