import { WorkingDayCalendar } from '@cityworks/calendar';
import { complaintDeadlines, DEFAULT_COMPLAINT_DEADLINES, readComplaintDeadlinePolicy } from './complaint-deadlines';

const calendar = new WorkingDayCalendar();

describe('complaintDeadlines (有诉必应)', () => {
  it('counts from the day after receipt and ends at the end of the working day, China time', () => {
    // Monday 2026-06-08, 23:30 in China — still the 8th there
    const d = complaintDeadlines(calendar, new Date('2026-06-08T15:30:00Z'), DEFAULT_COMPLAINT_DEADLINES);
    expect(d.acknowledgeDueAt.toISOString()).toBe('2026-06-09T15:59:59.999Z');
    // 15 working days: 9–12, 15–18 (the 19th is 端午), 22–26, 29–30 → the 30th
    expect(d.answerDueAt.toISOString()).toBe('2026-06-30T15:59:59.999Z');
    expect(d.provisional).toBe(false);
  });

  it('skips a statutory holiday and works the 调休 Saturday', () => {
    // received on the eve of 国庆 2026 (10-01…10-07 off, Saturday 10-10 worked)
    const d = complaintDeadlines(calendar, new Date('2026-09-30T02:00:00Z'), DEFAULT_COMPLAINT_DEADLINES);
    expect(d.acknowledgeDueAt.toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(d.answerDueAt.toISOString()).toBe('2026-10-27T15:59:59.999Z');
  });

  it('says when a deadline rests on a year without an official arrangement', () => {
    const d = complaintDeadlines(calendar, new Date('2026-12-24T02:00:00Z'), DEFAULT_COMPLAINT_DEADLINES);
    expect(d.acknowledgeDueAt.toISOString()).toBe('2026-12-25T15:59:59.999Z');
    expect(d.provisional).toBe(true);
  });

  it('follows the configured policy', () => {
    const d = complaintDeadlines(calendar, new Date('2026-06-08T02:00:00Z'), { acknowledgeWorkingDays: 3, answerWorkingDays: 5 });
    expect(d.acknowledgeDueAt.toISOString()).toBe('2026-06-11T15:59:59.999Z');
    expect(d.answerDueAt.toISOString()).toBe('2026-06-15T15:59:59.999Z');
  });
});

describe('readComplaintDeadlinePolicy', () => {
  it('defaults to 1 working day to acknowledge and 15 to answer', () => {
    expect(readComplaintDeadlinePolicy({})).toEqual({ acknowledgeWorkingDays: 1, answerWorkingDays: 15 });
  });

  it('reads the environment', () => {
    expect(readComplaintDeadlinePolicy({ COMPLAINT_ACKNOWLEDGE_WORKING_DAYS: '2', COMPLAINT_ANSWER_WORKING_DAYS: '10' })).toEqual({
      acknowledgeWorkingDays: 2,
      answerWorkingDays: 10,
    });
  });

  it.each([['0'], ['1.5'], ['ten'], ['400']])('refuses %p', (raw) => {
    expect(() => readComplaintDeadlinePolicy({ COMPLAINT_ANSWER_WORKING_DAYS: raw })).toThrow(/COMPLAINT_ANSWER_WORKING_DAYS must be a whole number/);
  });

  it('refuses an answer deadline shorter than the acknowledgement one', () => {
    expect(() => readComplaintDeadlinePolicy({ COMPLAINT_ACKNOWLEDGE_WORKING_DAYS: '5', COMPLAINT_ANSWER_WORKING_DAYS: '3' })).toThrow(/must not be shorter/);
  });
});
