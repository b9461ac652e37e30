import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { TaskQueues } from '@cityworks/contracts';
import { readInfraConfig } from '@cityworks/platform';
import {
  aliasWorkspaceLibs,
  findWorkspaceRoot,
  installJsonRuntimeLogging,
  temporalConnectionOptions,
  tracingWorkflowInterceptorModules,
  shutdownTracing,
  workflowTracingSinks,
} from '@cityworks/temporal';
import { workflowCacheSize } from './workflow-cache-size';
import { workflowStackTraces } from './workflow-stack-traces';
import { TRACED_WORKFLOW_BUNDLE_FILE, WORKFLOW_BUNDLE_FILE } from './workflow-bundle-files';

/**
 * The workflow worker (task queue `workflows`). In production it loads a prebuilt bundle
 * (dist/workflows/workflow-bundle.js, or workflow-bundle-traced.js when tracing is on; see
 * build-bundle.ts); from source it bundles on start.
 */
export async function createWorkflowWorker(connection: NativeConnection, overrides: Partial<WorkerOptions> = {}): Promise<Worker> {
  const infra = readInfraConfig();
  const tracingModules = tracingWorkflowInterceptorModules();
  const bundleFile = tracingModules.length > 0 ? TRACED_WORKFLOW_BUNDLE_FILE : WORKFLOW_BUNDLE_FILE;
  const root = findWorkspaceRoot(__dirname);
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH ?? path.join(root, 'dist/workflows', bundleFile);
  const fromBundle = __filename.endsWith('.js') && fs.existsSync(bundlePath);
  const cacheSize = workflowCacheSize(process.env.WORKFLOW_CACHE_SIZE, v8.getHeapStatistics().heap_size_limit);
  // read by the patched SDK in the workflow thread Worker.create starts (ADR 0029)
  process.env.WORKFLOW_STACK_TRACES = workflowStackTraces(process.env.WORKFLOW_STACK_TRACES);
  return Worker.create({
    connection,
    namespace: infra.temporalNamespace,
    taskQueue: TaskQueues.workflows,
    // sized from the heap limit (deploy/local caps it: WORKFLOW_WORKER_HEAP_MB), see workflowCacheSize
    maxCachedWorkflows: cacheSize,
    // the spans the bundled tracing interceptors make leave the sandbox through this sink (ADR 0024)
    sinks: workflowTracingSinks(),
    ...(fromBundle
      ? { workflowBundle: { codePath: bundlePath } }
      : {
          workflowsPath: require.resolve('./workflows'),
          interceptors: { workflowModules: [require.resolve('./correlation.interceptors'), ...tracingModules] },
          bundlerOptions: { webpackConfigHook: aliasWorkspaceLibs(root, false) },
        }),
    ...overrides,
  });
}

async function main(): Promise<void> {
  installJsonRuntimeLogging('workflows');
  // a setting in error stops the start at once; waiting would not mend it
  try {
    workflowCacheSize(process.env.WORKFLOW_CACHE_SIZE, v8.getHeapStatistics().heap_size_limit);
    workflowStackTraces(process.env.WORKFLOW_STACK_TRACES);
  } catch (e) {
    console.log(JSON.stringify({ level: 'error', service: 'workflows', msg: `workflow worker not started: ${(e as Error).message}` }));
    process.exitCode = 1;
    return;
  }
  let wait = 500;
  for (;;) {
    try {
      const connection = await NativeConnection.connect(temporalConnectionOptions());
      const worker = await createWorkflowWorker(connection);
      const heapMiB = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
      const cached = worker.options.maxCachedWorkflows;
      const bundle =
        worker.options.workflowBundle && 'codePath' in worker.options.workflowBundle
          ? path.basename(worker.options.workflowBundle.codePath)
          : 'bundled from source';
      console.log(
        JSON.stringify({
          level: 'info',
          service: 'workflows',
          msg: `workflow worker on task queue ${TaskQueues.workflows} (${bundle}), heap limit ${heapMiB} MB, cache ${cached} workflows, stack traces ${process.env.WORKFLOW_STACK_TRACES}`,
        }),
      );
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
