import type { DataSource } from 'typeorm';
import { ServiceCalendar } from './service-calendar';

/** Unit test with an in-memory stand-in for the table; the real table is exercised by supervision's tests. */
describe('ServiceCalendar', () => {
  const arrangement2027 = { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-04', name: '元旦' }], workdays: [{ date: '2027-01-09', name: '调休' }] };
  const dataSource = (rows: unknown[]) => ({ getRepository: () => ({ find: async () => rows }) }) as unknown as DataSource;

  it('starts from the library and the statutory fallback, and marks 2027 provisional', async () => {
    const calendar = new ServiceCalendar(dataSource([]));
    await calendar.refresh();
    expect(calendar.current.sourceOfYear(2026)).toBe('official');
    expect(calendar.current.sourceOfYear(2027)).toBe('fallback');
    expect(calendar.current.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
  });

  it('takes the arrangements kept in its table over the fallback', async () => {
    const calendar = new ServiceCalendar(dataSource([{ year: 2027, revision: 1, arrangement: arrangement2027 }]));
    await calendar.refresh();
    expect(calendar.current.sourceOfYear(2027)).toBe('override');
    expect(calendar.current.isWorkingDay('2027-01-04')).toBe(false);
    expect(calendar.current.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.current.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-05', provisional: false });
  });
});
