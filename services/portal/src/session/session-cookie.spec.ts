import type { NextFunction, Request, Response } from 'express';
import { bearerOf, clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie, sessionCookieToBearer } from './session-cookie';

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, Secure unless told otherwise', () => {
    expect(sessionCookie('a.b.c', 60, true)).toBe(`${SESSION_COOKIE}=a.b.c; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure`);
    expect(sessionCookie('a.b.c', 60, false)).not.toContain('Secure');
    expect(clearedSessionCookie()).toContain('Max-Age=0');
  });

  it('is read among other cookies', () => {
    expect(readCookie(`x=1; ${SESSION_COOKIE}=tok%2Ben; y=2`, SESSION_COOKIE)).toBe('tok+en');
    expect(readCookie('x=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });

  it('becomes the bearer token the platform’s guard reads, unless the request brings its own', () => {
    const next = jest.fn() as NextFunction;
    const fromCookie = { headers: { cookie: `${SESSION_COOKIE}=t1` } } as unknown as Request;
    sessionCookieToBearer(fromCookie, {} as Response, next);
    expect(fromCookie.headers.authorization).toBe('Bearer t1');
    expect(bearerOf(fromCookie)).toBe('t1');
    const own = { headers: { cookie: `${SESSION_COOKIE}=t1`, authorization: 'Bearer t2' } } as unknown as Request;
    sessionCookieToBearer(own, {} as Response, next);
    expect(own.headers.authorization).toBe('Bearer t2');
    expect(next).toHaveBeenCalledTimes(2);
  });
});
