import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER, runWithCorrelationId, sanitizeCorrelationId } from '@cityworks/platform';

/** One correlation id per browser request, carried to every service the portal calls for it. */
@Injectable()
export class PortalCorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const id = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
    req.headers[CORRELATION_HEADER] = id;
    res.setHeader(CORRELATION_HEADER, id);
    runWithCorrelationId(id, next);
  }
}
