import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarArrangementLoadedV1 } from '@cityworks/contracts';
import { MalformedEventError } from '@cityworks/messaging';
import { ArrangementChange, ServiceCalendar, spanTouchesYear, yearSpan } from './service-calendar';

/** Unit test with an in-memory stand-in for the table; the real table is exercised by complaints' and supervision's tests. */
describe('ServiceCalendar', () => {
  const arrangement2027 = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-04', name: '元旦' },
    ],
    workdays: [{ date: '2027-01-09', name: '调休' }],
  };
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

  describe('apply: a change of a year’s arrangement', () => {
    const event = (over: Partial<CalendarArrangementLoadedV1> = {}): CalendarArrangementLoadedV1 => ({
      year: 2027,
      revision: 3,
      arrangement: arrangement2027,
      replacedFallback: false,
      sourceDocument: null,
      loadedAt: '2026-12-01T00:00:00.000Z',
      restoredFromRevision: 1,
      ...over,
    });
    /** the copy holds `held`; the upsert replaces it only for a higher revision, as the SQL does */
    const manager = (held: number | null) => {
      const queries: string[] = [];
      let stored = held;
      const m = {
        queries,
        query: async (sql: string, params: unknown[]) => {
          queries.push(sql.trim().split(/\s+/)[0]);
          if (sql.includes('FOR UPDATE')) return stored === null ? [] : [{ revision: stored }];
          const revision = params[1] as number;
          if (stored !== null && stored >= revision) return [];
          stored = revision;
          return [{ year: params[0] }];
        },
        getRepository: () => ({ find: async () => [{ year: 2027, revision: stored, arrangement: arrangement2027 }] }),
      };
      return m as unknown as EntityManager & { queries: string[] };
    };

    it('replaces the copy of a newer revision and tells every listener what changed', async () => {
      const calendar = new ServiceCalendar(dataSource([]));
      const calls: [number, ArrangementChange][] = [];
      calendar.onArrangementLoaded(async (year, _manager, change) => void calls.push([year, change]));
      // a listener of the former shape, (year, manager), still fits
      calendar.onArrangementLoaded(async (year) => void calls.push([year, undefined as unknown as ArrangementChange]));
      expect(await calendar.apply(event(), manager(2))).toBe(true);
      expect(calls).toEqual([
        [2027, { year: 2027, revision: 3, restoredFromRevision: 1, replacedRevision: 2, ...yearSpan(2027) }],
        [2027, undefined],
      ]);
      expect(calendar.current.isWorkingDay('2027-01-04')).toBe(false);
    });

    it('ignores an older or repeated revision delivered late: nothing is recomputed', async () => {
      const calendar = new ServiceCalendar(dataSource([]));
      const listener = jest.fn(async () => undefined);
      calendar.onArrangementLoaded(listener);
      expect(await calendar.apply(event({ revision: 2 }), manager(3))).toBe(false);
      expect(await calendar.apply(event({ revision: 3 }), manager(3))).toBe(false);
      expect(listener).not.toHaveBeenCalled();
      expect(calendar.current.sourceOfYear(2027)).toBe('fallback');
    });

    it('refuses an event without a whole revision, or with an arrangement of another year, as malformed', async () => {
      const calendar = new ServiceCalendar(dataSource([]));
      const m = manager(null);
      await expect(calendar.apply(event({ revision: undefined as unknown as number }), m)).rejects.toThrow(MalformedEventError);
      await expect(calendar.apply(event({ revision: 1.5 }), m)).rejects.toThrow(/whole revision/);
      await expect(calendar.apply(event({ revision: 0 }), m)).rejects.toThrow(MalformedEventError);
      await expect(calendar.apply(event({ arrangement: { ...arrangement2027, year: 2028 } }), m)).rejects.toThrow(/no arrangement of that year/);
      expect(m.queries).toEqual([]);
    });

    it('keeps counting with the stored arrangement when a listener fails (the transaction rolls back)', async () => {
      const calendar = new ServiceCalendar(dataSource([]));
      calendar.onArrangementLoaded(async () => {
        throw new Error('deadlock');
      });
      await expect(calendar.apply(event(), manager(null))).rejects.toThrow('deadlock');
      expect(calendar.current.sourceOfYear(2027)).toBe('fallback');
    });
  });

  describe('which deadlines a change of a year can move', () => {
    it('is every span from start day to deadline day that touches the year, provisional or not', () => {
      expect(spanTouchesYear('2026-12-24', '2027-01-19', 2027)).toBe(true);
      expect(spanTouchesYear('2027-03-01', '2027-03-20', 2027)).toBe(true);
      expect(spanTouchesYear('2026-11-02', '2026-11-23', 2027)).toBe(false);
      expect(spanTouchesYear('2028-01-03', '2028-01-10', 2027)).toBe(false);
      // China time: 2026-12-31T16:30Z is already 2027-01-01 in China
      expect(spanTouchesYear(new Date('2026-12-20T02:00:00Z'), new Date('2026-12-31T16:30:00Z'), 2027)).toBe(true);
      expect(spanTouchesYear(new Date('2026-12-20T02:00:00Z'), new Date('2026-12-31T15:59:59.999Z'), 2027)).toBe(false);
    });

    it('gives the year as instants of China time, for queries', () => {
      expect(yearSpan(2027)).toEqual({ from: new Date('2026-12-31T16:00:00.000Z'), to: new Date('2027-12-31T15:59:59.999Z') });
    });
  });
});
