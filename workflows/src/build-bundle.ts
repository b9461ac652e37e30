import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { aliasWorkspaceLibs, findWorkspaceRoot, TRACING_WORKFLOW_INTERCEPTORS_MODULE } from '@cityworks/temporal';
import { TRACED_WORKFLOW_BUNDLE_FILE, WORKFLOW_BUNDLE_FILE } from './workflow-bundle-files';

/**
 * Builds the workflow bundles from the compiled workflow code: dist/workflows/workflow-bundle.js
 * with the correlation id's interceptors (ADR 0003), and workflow-bundle-traced.js with
 * OpenTelemetry's too (ADR 0024), which the worker runs when tracing is on.
 */
async function main(): Promise<void> {
  const root = findWorkspaceRoot(__dirname);
  const bundles = [
    { file: WORKFLOW_BUNDLE_FILE, modules: [require.resolve('./correlation.interceptors')] },
    { file: TRACED_WORKFLOW_BUNDLE_FILE, modules: [require.resolve('./correlation.interceptors'), TRACING_WORKFLOW_INTERCEPTORS_MODULE] },
  ];
  for (const { file, modules } of bundles) {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./workflows'),
      workflowInterceptorModules: modules,
      webpackConfigHook: aliasWorkspaceLibs(root, true),
      logger: new DefaultLogger('WARN'),
    });
    const out = path.join(root, 'dist/workflows', file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, code);
    console.log(`workflow bundle written to ${path.relative(root, out)} (${Math.round(code.length / 1024)} KiB)`);
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
