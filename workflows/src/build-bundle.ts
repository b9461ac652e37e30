import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { aliasWorkspaceLibs, findWorkspaceRoot, TRACING_WORKFLOW_INTERCEPTORS_MODULE } from '@cityworks/temporal';

/** Builds dist/workflows/workflow-bundle.js from the compiled workflow code. */
async function main(): Promise<void> {
  const root = findWorkspaceRoot(__dirname);
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    // the correlation id's interceptors and OpenTelemetry's (ADR 0003, ADR 0024)
    workflowInterceptorModules: [require.resolve('./correlation.interceptors'), TRACING_WORKFLOW_INTERCEPTORS_MODULE],
    webpackConfigHook: aliasWorkspaceLibs(root, true),
    logger: new DefaultLogger('WARN'),
  });
  const out = path.join(root, 'dist/workflows/workflow-bundle.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle written to ${path.relative(root, out)} (${Math.round(code.length / 1024)} KiB)`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
