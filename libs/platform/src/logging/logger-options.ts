import type { Params } from 'nestjs-pino';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { CORRELATION_HEADER, currentCorrelationId } from '../correlation/correlation-context';

/** The trace a log line belongs to, to jump from a line to its trace in Zipkin (none when tracing is off). */
function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** What a request's log lines say of it: enough to find it again, not every header it carried. */
interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/**
 * JSON logs, one line each, with the service name and the correlation id on every line. A request's
 * line names the request (id, method, url, peer) and its answer (status, length, time), not the
 * headers of either: they were most of each line's 1.5 KB, the answer's the same dozen security
 * headers every time, and serialised on the service's one thread for every request.
 */
export function loggerOptions(service: string): Params {
  return {
    pinoHttp: {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      base: { service },
      genReqId: (req) => (req.headers[CORRELATION_HEADER] as string) ?? currentCorrelationId() ?? '',
      // the correlation id comes from the mixin, on the request's line too (it ran in the request's
      // context): binding it again per request cost a second child logger and wrote the key twice
      mixin: () => {
        const correlationId = currentCorrelationId();
        return { ...(correlationId ? { correlationId } : {}), ...traceFields() };
      },
      serializers: {
        req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({
          statusCode: res.statusCode,
          contentLength: res.headers?.['content-length'],
        }),
      },
      // nothing logged carries them now; kept so that a line that ever does has them hidden
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  };
}
