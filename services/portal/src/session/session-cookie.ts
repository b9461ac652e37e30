import type { NextFunction, Request, Response } from 'express';

/** The cookie that holds the user's access token: HttpOnly, so page scripts never read it. */
export const SESSION_COOKIE = 'cw_portal_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  // SameSite=Strict: another site's page cannot make the browser send it (no CSRF on the few POSTs)
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

/**
 * The platform's AuthGuard reads a bearer token; the browser carries it in the session cookie.
 * A request with its own Authorization header (a script) keeps it.
 */
export function sessionCookieToBearer(req: Request, _res: Response, next: NextFunction): void {
  if (!req.headers.authorization) {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) req.headers.authorization = `Bearer ${token}`;
  }
  next();
}

/** The token the request was signed in with, to call the services as the user. */
export function bearerOf(req: Request): string {
  return (req.headers.authorization ?? '').replace(/^Bearer\s+/, '');
}
