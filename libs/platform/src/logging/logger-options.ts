import type { Params } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId } from '../correlation/correlation-context';

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
        return correlationId ? { correlationId } : {};
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  };
}
