import { RuleViolation } from '@cityworks/platform';

/**
 * After the answer (有诉必应 → 满意度回访): the complainant rates the answer once; an unsatisfied
 * rating reopens the complaint once for review (复核) by the territory's 工改办, which answers it
 * again by its own deadline; that answer is rated once too, and it is final — a complaint is
 * reopened only once. The handling department records whether the matter was substantiated (属实).
 */
export type Rating = 'satisfied' | 'unsatisfied';
export const Ratings: readonly Rating[] = ['satisfied', 'unsatisfied'];
export type Finding = 'substantiated' | 'unsubstantiated';
export const Findings: readonly Finding[] = ['substantiated', 'unsubstantiated'];

/** What the rules read of a complaint after its answer. */
export interface ReviewFacts {
  id: string;
  status: string;
  kind: string;
  ratingDueAt: Date | null;
  answerRating: Rating | null;
  reopenedAt: Date | null;
  reviewAnsweredAt: Date | null;
  reviewRatingDueAt: Date | null;
  reviewRating: Rating | null;
  finding: Finding | null;
}

/** What a rating does: recorded for the answer (reopening it when unsatisfied) or for the review's answer. */
export type RatingOutcome = { round: 'answer'; reopens: boolean } | { round: 'review' };

/** The rule a second reopening breaks, as the refusal names it. */
export const REOPEN_ONCE_RULE = 'a complaint is reopened only once (复核以一次为限): the 工改办’s review answer is final';

export function rate(c: ReviewFacts, rating: Rating, now: Date): RatingOutcome {
  if (c.status !== 'answered') throw new RuleViolation(`complaint ${c.id} is ${c.status}; only an answer can be rated`);
  if (!c.reopenedAt) {
    if (c.answerRating) throw new RuleViolation(`complaint ${c.id}'s answer was already rated ${c.answerRating}; each answer is rated once`);
    if (c.ratingDueAt && now > c.ratingDueAt) throw new RuleViolation(`the rating period of complaint ${c.id} ended ${c.ratingDueAt.toISOString()}`);
    return { round: 'answer', reopens: rating === 'unsatisfied' };
  }
  if (!c.reviewAnsweredAt) throw new RuleViolation(`complaint ${c.id} is under review by the 工改办; its review answer is rated once given`);
  if (c.reviewRating) throw new RuleViolation(`complaint ${c.id}'s review answer was already rated ${c.reviewRating}; each answer is rated once`);
  if (c.reviewRatingDueAt && now > c.reviewRatingDueAt)
    throw new RuleViolation(`the rating period of complaint ${c.id}'s review answer ended ${c.reviewRatingDueAt.toISOString()}`);
  // unsatisfied again: it would reopen it a second time
  if (rating === 'unsatisfied') throw new RuleViolation(`complaint ${c.id} was already reopened once; ${REOPEN_ONCE_RULE}`, 'rule');
  return { round: 'review' };
}

/** Whether the 工改办 may answer the review now. */
export function reviewAnswerRefusal(c: ReviewFacts): string | undefined {
  if (!c.reopenedAt) return `complaint ${c.id} is not reopened; only a reopened complaint is reviewed`;
  if (c.reviewAnsweredAt) return `complaint ${c.id}'s review was already answered`;
  return undefined;
}

/** 属实 or not: once, by the handling department, once it has acknowledged the complaint; a suggestion has nothing to substantiate. */
export function findingRefusal(c: ReviewFacts): RuleViolation | undefined {
  if (c.kind === 'suggestion')
    return new RuleViolation(`complaint ${c.id} is a suggestion (建议); only a complaint or report is found substantiated or not`, 'rule');
  if (c.status === 'received') return new RuleViolation(`complaint ${c.id} must be acknowledged before a finding is recorded`);
  if (c.finding) return new RuleViolation(`complaint ${c.id} was already found ${c.finding}; a finding is recorded once`);
  return undefined;
}
