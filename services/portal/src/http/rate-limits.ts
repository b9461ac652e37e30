function limitFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) throw new Error(`${name} must be a whole number from 1 to 100000, got "${raw}"`);
  return value;
}

/** Requests a minute one signed-in user may make (RATE_LIMIT_PER_MINUTE, as the services read it). */
export const staffRateLimit = (env: NodeJS.ProcessEnv = process.env) => limitFrom(env, 'RATE_LIMIT_PER_MINUTE', 600);

/**
 * Requests a minute one client address may make to the public 公示 page's data
 * (PORTAL_PUBLIC_RATE_LIMIT_PER_MINUTE, default 120); read when the controller loads, so a bad
 * value stops the portal at start, naming the variable.
 */
export const publicRateLimit = (env: NodeJS.ProcessEnv = process.env) => limitFrom(env, 'PORTAL_PUBLIC_RATE_LIMIT_PER_MINUTE', 120);
