// Jest for the workflows project; shared settings live in the workspace preset.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'workflows',
  rootDir: __dirname,
  // each suite runs its own time-skipping server (a JVM) and worker; side by side on two cores
  // they starve each other's timers, so the suites take turns
  maxWorkers: 1,
};
