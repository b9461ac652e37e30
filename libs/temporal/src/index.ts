export * from './temporal.module';
export * from './temporal.options';
export * from './temporal-worker.host';
export * from './activity-methods';
export * from './workflow-bundle';
export * from './json-runtime-logging';
export * from './correlation-propagation';
export * from './connection-options';
