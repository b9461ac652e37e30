import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { TaskQueues } from '@cityworks/contracts';
import { readInfraConfig } from '@cityworks/platform';
import {
  aliasWorkspaceLibs,
  findWorkspaceRoot,
  installJsonRuntimeLogging,
  temporalConnectionOptions,
  TRACING_WORKFLOW_INTERCEPTORS_MODULE,
  shutdownTracing,
  workflowTracingSinks,
} from '@cityworks/temporal';

/**
 * The workflow worker (task queue `workflows`). In production it loads the prebuilt bundle
 * (dist/workflows/workflow-bundle.js, see build-bundle.ts); from source it bundles on start.
 */
export async function createWorkflowWorker(connection: NativeConnection, overrides: Partial<WorkerOptions> = {}): Promise<Worker> {
  const infra = readInfraConfig();
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH ?? path.join(findWorkspaceRoot(__dirname), 'dist/workflows/workflow-bundle.js');
  const fromBundle = __filename.endsWith('.js') && fs.existsSync(bundlePath);
  const root = findWorkspaceRoot(__dirname);
  return Worker.create({
    connection,
    namespace: infra.temporalNamespace,
    taskQueue: TaskQueues.workflows,
    // The SDK's default sizes the cache from the heap limit (about 2,300 workflows on a 24 GB
    // machine, ~0.3 MB each here): a city's projects wait for weeks, so keeping each one's isolate
    // is memory for nothing; an evicted workflow is replayed from its short history when it wakes.
    maxCachedWorkflows: Number(process.env.WORKFLOW_CACHE_SIZE ?? 1000),
    // the spans the bundled tracing interceptors make leave the sandbox through this sink (ADR 0024)
    sinks: workflowTracingSinks(),
    ...(fromBundle
      ? { workflowBundle: { codePath: bundlePath } }
      : {
          workflowsPath: require.resolve('./workflows'),
          interceptors: { workflowModules: [require.resolve('./correlation.interceptors'), TRACING_WORKFLOW_INTERCEPTORS_MODULE] },
          bundlerOptions: { webpackConfigHook: aliasWorkspaceLibs(root, false) },
        }),
    ...overrides,
  });
}

async function main(): Promise<void> {
  installJsonRuntimeLogging('workflows');
  let wait = 500;
  for (;;) {
    try {
      const connection = await NativeConnection.connect(temporalConnectionOptions());
      const worker = await createWorkflowWorker(connection);
      console.log(JSON.stringify({ level: 'info', service: 'workflows', msg: `workflow worker on task queue ${TaskQueues.workflows}` }));
      await worker.run();
      await connection.close();
      // the last workflow spans still buffered go to Zipkin before the process ends
      await shutdownTracing();
      return;
    } catch (e) {
      console.log(JSON.stringify({ level: 'warn', service: 'workflows', msg: `workflow worker cannot run yet: ${(e as Error).message}` }));
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

if (require.main === module) {
  void main();
}
