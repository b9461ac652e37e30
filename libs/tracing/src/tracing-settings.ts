import * as path from 'node:path';

/** Where spans go unless told otherwise: the Zipkin server deploy/local starts (`infra.sh start zipkin`). */
export const DEFAULT_ZIPKIN_URL = 'http://127.0.0.1:9411/api/v2/spans';

export interface TracingSettings {
  /** off unless asked for: a process without tracing loads none of the SDK */
  enabled: boolean;
  zipkinUrl: string;
  /** Zipkin's service name: the process's own (approval, supervision, workflows …) */
  serviceName: string;
}

/**
 * `TRACING=zipkin` (or the standard `OTEL_TRACES_EXPORTER=zipkin`) turns tracing on;
 * `OTEL_SDK_DISABLED=true` wins over both. The service name is `OTEL_SERVICE_NAME`, else read from
 * the entry point the process runs (dist/services/<name>/src/main.js, dist/workflows/src/worker.js).
 */
export function tracingSettings(env: NodeJS.ProcessEnv = process.env, entryPoint: string = process.argv[1] ?? ''): TracingSettings {
  const asked = env.TRACING === 'zipkin' || env.OTEL_TRACES_EXPORTER === 'zipkin';
  return {
    enabled: asked && env.OTEL_SDK_DISABLED !== 'true',
    zipkinUrl: env.ZIPKIN_URL || env.OTEL_EXPORTER_ZIPKIN_ENDPOINT || DEFAULT_ZIPKIN_URL,
    serviceName: env.OTEL_SERVICE_NAME || serviceNameFromEntryPoint(entryPoint),
  };
}

export function serviceNameFromEntryPoint(entryPoint: string): string {
  const parts = entryPoint.split(path.sep);
  const services = parts.lastIndexOf('services');
  if (services >= 0 && parts[services + 1]) return parts[services + 1];
  if (parts.includes('workflows')) return 'workflows';
  return 'cityworks';
}
