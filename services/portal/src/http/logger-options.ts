import type { Params } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId } from '@cityworks/platform';

/** JSON lines like the services' (service `portal`, the correlation id), tokens and cookies redacted. */
export function portalLoggerOptions(): Params {
  return {
    pinoHttp: {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      base: { service: 'portal' },
      genReqId: (req) => (req.headers[CORRELATION_HEADER] as string) ?? currentCorrelationId() ?? '',
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => req.url === '/health' || (req.url ?? '').startsWith('/assets/') },
    },
  };
}
