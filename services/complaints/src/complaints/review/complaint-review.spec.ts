import { RuleViolation } from '@cityworks/platform';
import { findingRefusal, rate, REOPEN_ONCE_RULE, ReviewFacts, reviewAnswerRefusal } from './complaint-review';
import { readReviewPolicy } from './review-policy';

const now = new Date('2026-06-10T02:00:00Z');
const answered: ReviewFacts = {
  id: 'c1',
  status: 'answered',
  kind: 'violation-report',
  ratingDueAt: new Date('2026-06-15T15:59:59.999Z'),
  answerRating: null,
  reopenedAt: null,
  reviewAnsweredAt: null,
  reviewRatingDueAt: null,
  reviewRating: null,
  finding: null,
};
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolation) return [e.httpStatus, e.message];
    throw e;
  }
  return undefined;
};

describe('rating and reopening once', () => {
  it('reopens on an unsatisfied rating of the answer, not on a satisfied one', () => {
    expect(rate(answered, 'unsatisfied', now)).toEqual({ round: 'answer', reopens: true });
    expect(rate(answered, 'satisfied', now)).toEqual({ round: 'answer', reopens: false });
  });

  it('rates only an answer, once, within the period', () => {
    expect(refusal(() => rate({ ...answered, status: 'acknowledged' }, 'satisfied', now))).toEqual([
      409,
      'complaint c1 is acknowledged; only an answer can be rated',
    ]);
    expect(refusal(() => rate({ ...answered, answerRating: 'satisfied' }, 'unsatisfied', now))).toEqual([
      409,
      "complaint c1's answer was already rated satisfied; each answer is rated once",
    ]);
    expect(refusal(() => rate(answered, 'satisfied', new Date('2026-06-16T00:00:00Z')))?.[1]).toMatch(/rating period of complaint c1 ended/);
  });

  it('rates the review answer once given, and refuses a second reopening by the rule', () => {
    const reopened = { ...answered, answerRating: 'unsatisfied' as const, reopenedAt: now };
    expect(refusal(() => rate(reopened, 'satisfied', now))?.[1]).toMatch(/under review by the 工改办/);
    const reviewed = { ...reopened, reviewAnsweredAt: now, reviewRatingDueAt: new Date('2026-06-20T00:00:00Z') };
    expect(rate(reviewed, 'satisfied', now)).toEqual({ round: 'review' });
    expect(refusal(() => rate(reviewed, 'unsatisfied', now))).toEqual([422, `complaint c1 was already reopened once; ${REOPEN_ONCE_RULE}`]);
    expect(reviewAnswerRefusal(reviewed)).toBe("complaint c1's review was already answered");
    expect(reviewAnswerRefusal(answered)).toBe('complaint c1 is not reopened; only a reopened complaint is reviewed');
    expect(reviewAnswerRefusal(reopened)).toBeUndefined();
  });
});

describe('finding (属实)', () => {
  it('is recorded once by an acknowledged complaint’s department; never for a suggestion', () => {
    expect(findingRefusal(answered)).toBeUndefined();
    expect(findingRefusal({ ...answered, status: 'received' })?.message).toBe('complaint c1 must be acknowledged before a finding is recorded');
    expect(findingRefusal({ ...answered, finding: 'substantiated' })?.httpStatus).toBe(409);
    expect(findingRefusal({ ...answered, kind: 'suggestion' })?.httpStatus).toBe(422);
  });
});

describe('readReviewPolicy', () => {
  it('defaults to 5 working days to rate and 10 to review, refusing a bad value by name', () => {
    expect(readReviewPolicy({})).toEqual({ ratingWorkingDays: 5, reviewWorkingDays: 10 });
    expect(() => readReviewPolicy({ COMPLAINT_REVIEW_WORKING_DAYS: '0' })).toThrow(
      'COMPLAINT_REVIEW_WORKING_DAYS must be a whole number of working days from 1 to 60, got "0"',
    );
  });
});
