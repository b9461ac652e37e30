import type { Params } from 'nestjs-pino';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { CORRELATION_HEADER, currentCorrelationId } from '../correlation/correlation-context';

/** The trace a log line belongs to, to jump from a line to its trace in Zipkin (none when tracing is off). */
function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** JSON logs, one line each, with the service name and the correlation id on every line. */
export function loggerOptions(service: string): Params {
  return {
    pinoHttp: {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      base: { service },
      genReqId: (req) => (req.headers[CORRELATION_HEADER] as string) ?? currentCorrelationId() ?? '',
      customProps: () => ({ correlationId: currentCorrelationId() }),
      mixin: () => {
        const correlationId = currentCorrelationId();
        return { ...(correlationId ? { correlationId } : {}), ...traceFields() };
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  };
}
