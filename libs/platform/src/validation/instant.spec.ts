import { isRealInstant } from './instant';

describe('isRealInstant', () => {
  it('takes an instant with seconds and an offset on a real day, whatever the year', () => {
    expect(isRealInstant('2026-12-01T10:00:00+08:00')).toBe(true);
    expect(isRealInstant('2028-02-29T23:59:59.999Z')).toBe(true);
    expect(isRealInstant('0052-02-15T17:45:55.470Z')).toBe(true);
  });

  it('refuses a day or time that does not exist, and an instant without offset or seconds', () => {
    expect(isRealInstant('2026-02-29T10:00:00Z')).toBe(false);
    expect(isRealInstant('2026-04-31T10:00:00Z')).toBe(false);
    expect(isRealInstant('1900-02-29T10:00:00Z')).toBe(false);
    expect(isRealInstant('2026-12-01T24:00:00Z')).toBe(false);
    expect(isRealInstant('2026-12-01T10:00:00+25:00')).toBe(false);
    expect(isRealInstant('2026-12-01T10:00:00')).toBe(false);
    expect(isRealInstant('2026-12-01T10:00Z')).toBe(false);
    expect(isRealInstant(20261201)).toBe(false);
  });
});
