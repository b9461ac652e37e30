// A client of the running Temporal server, and a worker of the bench's own workflows on a task
// queue of its own, for the bare-engine figures.
const path = require('path');
const { Client, Connection } = require('@temporalio/client');
const { Worker, NativeConnection, Runtime, DefaultLogger } = require('@temporalio/worker');

const { temporalAddress: address, temporalNamespace: namespace } = require('./profile');
const BENCH_QUEUE = 'bench';

async function temporalClient() {
  const connection = await Connection.connect({ address });
  return { client: new Client({ connection, namespace }), close: () => connection.close() };
}

/** Runs fn while a worker of the bench's workflows polls the bench task queue. */
let runtimeInstalled = false;

async function withBenchWorker(fn) {
  if (!runtimeInstalled) Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: BENCH_QUEUE,
    workflowsPath: path.join(__dirname, '..', 'workflows', 'noop.workflow.js'),
    bundlerOptions: { logger: { info() {}, warn() {}, error: console.error, trace() {}, debug() {} } },
  });
  const running = worker.run();
  try {
    return await fn();
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

/**
 * Ends every running workflow of a type with one server-side batch and waits until none runs:
 * one terminate call per workflow slowed to a few a second on the dev server once it held
 * 60,000 workflows, where the batch ended 46,000 in under five minutes.
 */
async function terminateAllOfType(client, workflowType) {
  const query = `WorkflowType='${workflowType}' AND ExecutionStatus='Running'`;
  if ((await client.workflow.count(query)).count === 0) return;
  await client.workflowService.startBatchOperation({
    namespace,
    jobId: `bench-cleanup-${Date.now()}`,
    visibilityQuery: query,
    reason: 'benchmark over',
    terminationOperation: { identity: 'bench' },
    // the server caps it (worker.batcherRPS: 500 on the dev server of deploy/local, 50 by default)
    maxOperationsPerSecond: 500,
  });
  while ((await client.workflow.count(query)).count > 0) await new Promise((r) => setTimeout(r, 2000));
}

/** Runs `work(i)` for i < n, `concurrency` at a time. */
async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

module.exports = { temporalClient, withBenchWorker, pool, terminateAllOfType, BENCH_QUEUE };
