export { createWorkflowWorker } from './worker';
