import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { RuleViolation } from '../domain/rule-violation';

/** Postgres error codes that mean the caller sent something the data cannot take. */
const pgClientErrors: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same key already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'A referenced record does not exist or is still referenced' },
  '23514': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A value breaks a data rule' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A value is too long' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is out of range' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date is not valid' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date is out of range' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  '22021': { status: HttpStatus.BAD_REQUEST, message: 'A value has characters the database cannot store' },
  '22P05': { status: HttpStatus.BAD_REQUEST, message: 'A value has characters the database cannot store' },
};

/** Errors that mean the database is unreachable right now: the client should retry, not give up. */
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const DB_UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return (!!code && DB_UNAVAILABLE_CODES.has(code)) || DB_UNAVAILABLE_MESSAGES.test(`${e?.message ?? ''} ${e?.driverError?.message ?? ''}`);
}

/**
 * Turns every error into a JSON answer; database errors caused by input become 4xx,
 * so a client never sees a 500 for something it can fix.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      res.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    if (exception instanceof RuleViolation) {
      const status = exception.httpStatus;
      res.status(status).json({ statusCode: status, error: status === 409 ? 'Conflict' : 'Unprocessable Entity', message: exception.message });
      return;
    }
    if (exception instanceof EntityNotFoundError) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'Record not found' });
      return;
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code;
      const known = code ? pgClientErrors[code] : undefined;
      if (known) {
        res
          .status(known.status)
          .json({ statusCode: known.status, message: known.message, detail: (exception as QueryFailedError & { detail?: string }).detail });
        return;
      }
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      res.setHeader('Retry-After', '5');
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable; nothing was changed, retry shortly' });
      return;
    }
    // body-parser errors (malformed JSON, too large) carry their own status
    const status = (exception as { status?: number; statusCode?: number })?.status ?? (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ statusCode: status, message: (exception as Error).message });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(500).json({ statusCode: 500, message: 'Internal server error' });
  }
}
