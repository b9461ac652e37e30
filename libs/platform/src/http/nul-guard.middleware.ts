import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { fieldError, invalid } from './validation';

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * PostgreSQL cannot store a NUL character in text; refused here as the caller's 400 rather
 * than failing in the database as a 500.
 */
@Injectable()
export class NulGuardMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (decoded(req.originalUrl ?? req.url).includes('\u0000'))
      return next(invalid([fieldError('url', 'noNulCharacter', 'the path and query must not contain NUL characters')]));
    if (hasNul(req.body)) return next(invalid([fieldError('body', 'noNulCharacter', 'the body must not contain NUL characters')]));
    next();
  }
}
