import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';

function host() {
  const res: any = { headersSent: false, statusCode: 0, body: undefined };
  res.status = (s: number) => ((res.statusCode = s), res);
  res.json = (b: unknown) => ((res.body = b), res);
  return { res, host: { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost };
}

function pgError(code: string): QueryFailedError {
  const driverError = Object.assign(new Error('pg'), { code, detail: 'Key (id)=(1) already exists.' });
  return new QueryFailedError('INSERT …', [], driverError);
}

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();

  it('keeps HTTP exceptions as they are', () => {
    const { res, host: h } = host();
    filter.catch(new NotFoundException('application x not found'), h);
    expect(res.statusCode).toBe(404);
    expect(res.body.message).toBe('application x not found');
  });

  it.each([
    ['23505', 409],
    ['22001', 400],
    ['22P02', 400],
    ['23514', 422],
  ])('maps Postgres error %s caused by input to %i, not 500', (code, status) => {
    const { res, host: h } = host();
    filter.catch(pgError(code), h);
    expect(res.statusCode).toBe(status);
  });

  it('maps body-parser errors (malformed JSON, too large) to their 4xx', () => {
    const { res, host: h } = host();
    filter.catch(Object.assign(new SyntaxError('Unexpected token'), { status: 400 }), h);
    expect(res.statusCode).toBe(400);
  });

  it('answers 500 without details for a real fault', () => {
    const { res, host: h } = host();
    jest.spyOn((filter as any).logger, 'error').mockImplementation(() => undefined);
    filter.catch(new Error('boom'), h);
    expect(res.statusCode).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});

describe('AllExceptionsFilter when the database is down', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
  ])('answers 503 with Retry-After: %s', (error) => {
    const { res, host: h } = host();
    res.setHeader = jest.fn();
    const filter = new AllExceptionsFilter();
    jest.spyOn((filter as any).logger, 'warn').mockImplementation(() => undefined);
    filter.catch(error, h);
    expect(res.statusCode).toBe(503);
    expect(res.setHeader).toHaveBeenCalledWith('Retry-After', '5');
  });
});
