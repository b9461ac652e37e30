/**
 * The `node -r` preload every service and the workflow worker start with (deploy/local/apps.sh):
 * when tracing is on (`TRACING=zipkin`) it starts the SDK before Nest, pg or kafkajs are
 * required, so the instrumentations can patch them. When it is off it requires nothing more and
 * the process runs exactly as without it.
 */
import { tracingSettings } from './tracing-settings';

const settings = tracingSettings();
if (settings.enabled) {
  // required only here, so a process without tracing never loads the SDK
  const { startTracing } = require('./start-tracing') as typeof import('./start-tracing');
  startTracing(settings);
}
