// The bare engine for workflow figures: a workflow that does nothing, and one that only waits.
exports.benchNoop = async function benchNoop() {
  return 'done';
};

const { sleep } = require('@temporalio/workflow');
/** Waits until `at` (epoch ms) and reports how late its timer fired, by the workflow clock. */
exports.benchTimer = async function benchTimer(at) {
  await sleep(Math.max(at - Date.now(), 0));
  return Date.now() - at;
};
