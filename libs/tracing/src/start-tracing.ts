import { NodeSDK } from '@opentelemetry/sdk-node';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { detectResourcesSync, envDetectorSync, hostDetectorSync, Resource } from '@opentelemetry/resources';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { ActiveTracing, setActiveTracing } from './active-tracing';
import { CorrelationAttributeProcessor } from './correlation-attribute.processor';
import type { TracingSettings } from './tracing-settings';

/** probes and scrapes would each be a trace of their own, every few seconds, and tell nothing */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Starts the OpenTelemetry SDK: HTTP (and Express), NestJS, pg and kafkajs instrumented, spans sent
 * to Zipkin in batches. It must run before any of those modules is required, since the
 * instrumentations patch them as they load; `register.ts` is the `node -r` preload that does so.
 */
export function startTracing(settings: TracingSettings): ActiveTracing {
  const resource = detectResourcesSync({ detectors: [envDetectorSync, hostDetectorSync] }).merge(new Resource({ 'service.name': settings.serviceName }));
  // a short delay: a trace crosses five processes and someone is usually looking at it right away
  const spanProcessor = new BatchSpanProcessor(new ZipkinExporter({ url: settings.zipkinUrl }), { scheduledDelayMillis: 1000 });
  const sdk = new NodeSDK({
    resource,
    autoDetectResources: false,
    spanProcessors: [new CorrelationAttributeProcessor(), spanProcessor],
    // the SDK would otherwise read OTEL_LOGS_EXPORTER and default to an OTLP log exporter nobody runs
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? '') }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      // the relays poll Postgres several times a second: only queries inside traced work are spans
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  const tracing: ActiveTracing = { serviceName: settings.serviceName, resource, spanProcessor, shutdown: () => sdk.shutdown() };
  setActiveTracing(tracing);
  return tracing;
}
