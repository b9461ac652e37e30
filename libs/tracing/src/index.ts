// Light on purpose: only @opentelemetry/api and types. The SDK itself is started by the preload
// (register.ts → start-tracing.ts), never through this index.
export * from './tracing-settings';
export * from './trace-context';
export * from './active-tracing';
