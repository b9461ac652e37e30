import { publicRateLimit, staffRateLimit } from './rate-limits';

describe('rate limits', () => {
  it('default to 600 a minute per user and 120 per address on the public page', () => {
    expect(staffRateLimit({})).toBe(600);
    expect(publicRateLimit({})).toBe(120);
    expect(publicRateLimit({ PORTAL_PUBLIC_RATE_LIMIT_PER_MINUTE: '30' })).toBe(30);
  });

  it('refuse a bad value at start, naming the variable', () => {
    expect(() => publicRateLimit({ PORTAL_PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      'PORTAL_PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 100000, got "0"',
    );
  });
});
