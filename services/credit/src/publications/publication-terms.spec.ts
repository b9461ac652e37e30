import { WorkingDayCalendar } from '@cityworks/calendar';
import { DEFAULT_PUBLICATION_TERMS, publicationDueAt, publicUntil, publishable, readPublicationTerms } from './publication-terms';

const calendar = new WorkingDayCalendar();

describe('双公示 terms', () => {
  it('by default: 7 working days after the decision (the national rule)', () => {
    expect(readPublicationTerms({})).toEqual(DEFAULT_PUBLICATION_TERMS);
    // decided on Friday 2026-06-05: Mon 8 … Tue 16 June is the 7th working day
    expect(publicationDueAt(calendar, '2026-06-05', DEFAULT_PUBLICATION_TERMS).toISOString()).toBe('2026-06-16T15:59:59.999Z');
    // across the National Day holiday (10-01 … 10-07 in 2026)
    expect(publicationDueAt(calendar, '2026-09-29', DEFAULT_PUBLICATION_TERMS)).toEqual(calendar.dueInstant(new Date('2026-09-29T02:00:00Z'), 7).dueAt);
  });

  it('Zaozhuang’s 7 日: calendar days', () => {
    const terms = readPublicationTerms({ CREDIT_PUBLICATION_DAY_COUNTING: 'calendar' });
    expect(publicationDueAt(calendar, '2026-06-05', terms).toISOString()).toBe('2026-06-12T15:59:59.999Z');
    expect(publicationDueAt(calendar, '2026-09-29', terms).toISOString()).toBe('2026-10-06T15:59:59.999Z');
  });

  it('refuses a bad setting at start, naming it', () => {
    expect(() => readPublicationTerms({ CREDIT_PUBLICATION_DAY_COUNTING: 'weekdays' })).toThrow('CREDIT_PUBLICATION_DAY_COUNTING must be working or calendar');
    expect(() => readPublicationTerms({ CREDIT_PUBLICATION_DAYS: '0' })).toThrow('CREDIT_PUBLICATION_DAYS must be a whole number from 1 to 30, got "0"');
    expect(() => readPublicationTerms({ CREDIT_PENALTY_PUBLIC_MONTHS_SEVERE: '1.5' })).toThrow('CREDIT_PENALTY_PUBLIC_MONTHS_SEVERE');
    expect(readPublicationTerms({ CREDIT_PUBLICATION_DAYS: '5', CREDIT_PUBLICATION_WARNING_WORKING_DAYS: '0' })).toMatchObject({
      days: 5,
      ladder: { warningLeadWorkingDays: 0 },
    });
  });

  it('keeps a decision public to the day before the same day months later', () => {
    expect(publicUntil('2026-06-01', 12)).toBe('2027-05-31');
    expect(publicUntil('2026-01-31', 1)).toBe('2026-02-27');
  });

  it('publishes decisions from the go-live day on, when one is set', () => {
    const terms = readPublicationTerms({ CREDIT_PUBLICATIONS_SINCE: '2026-12-01' });
    expect(publishable(terms, '2026-11-30')).toBe(false);
    expect(publishable(terms, '2026-12-01')).toBe(true);
    expect(publishable(DEFAULT_PUBLICATION_TERMS, '2001-01-01')).toBe(true);
    expect(() => readPublicationTerms({ CREDIT_PUBLICATIONS_SINCE: '2026-13-01' })).toThrow(
      'CREDIT_PUBLICATIONS_SINCE must be a day YYYY-MM-DD, got "2026-13-01"',
    );
  });
});
