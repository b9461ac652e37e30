import { addCalendarMonths } from './china-time';

describe('addCalendarMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month, forwards and backwards across years', () => {
    expect(addCalendarMonths('2026-05-30', 6)).toBe('2026-11-30');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-12-04', 12)).toBe('2027-12-04');
    expect(addCalendarMonths('2026-11-30', -13)).toBe('2025-10-30');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});
