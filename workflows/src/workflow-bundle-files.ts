/** The prebuilt workflow bundles under dist/workflows/ (build-bundle.ts writes them, worker.ts picks one). */
export const WORKFLOW_BUNDLE_FILE = 'workflow-bundle.js';
/** the same workflows with OpenTelemetry's workflow interceptors, for a worker with tracing on */
export const TRACED_WORKFLOW_BUNDLE_FILE = 'workflow-bundle-traced.js';
