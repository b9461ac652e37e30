export interface SessionSettings {
  /** how long the browser keeps the session cookie (the token's own expiry still rules) */
  maxAgeSeconds: number;
  /** Secure cookies: on unless PORTAL_INSECURE_COOKIE=true (plain http on 127.0.0.1 in local mode) */
  secureCookie: boolean;
}

export function sessionSettings(env: NodeJS.ProcessEnv = process.env, local = false): SessionSettings {
  return { maxAgeSeconds: 8 * 3600, secureCookie: env.PORTAL_INSECURE_COOKIE ? env.PORTAL_INSECURE_COOKIE !== 'true' : !local };
}

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');
