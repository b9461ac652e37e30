/**
 * Requests a minute one client address may make to the public campaign pages:
 * SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE, a whole number from 1 to 10000 (default 60). Read when
 * the controller loads, so a bad value stops the service at start, naming the variable.
 */
export function publicCampaignsRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE;
  if (raw === undefined || raw.trim() === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_000)
    throw new Error(`SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 10000, got "${raw}"`);
  return value;
}
