/** How long the complainant has to rate an answer, and the 工改办 to answer a review, in working days. */
export interface ReviewPolicy {
  ratingWorkingDays: number;
  reviewWorkingDays: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { ratingWorkingDays: 5, reviewWorkingDays: 10 };

/** COMPLAINT_RATING_WORKING_DAYS and COMPLAINT_REVIEW_WORKING_DAYS (1–60); a bad value stops the service at start-up, naming it. */
export function readReviewPolicy(env: NodeJS.ProcessEnv = process.env): ReviewPolicy {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 60) throw new Error(`${name} must be a whole number of working days from 1 to 60, got "${raw}"`);
    return value;
  };
  return {
    ratingWorkingDays: read('COMPLAINT_RATING_WORKING_DAYS', DEFAULT_REVIEW_POLICY.ratingWorkingDays),
    reviewWorkingDays: read('COMPLAINT_REVIEW_WORKING_DAYS', DEFAULT_REVIEW_POLICY.reviewWorkingDays),
  };
}
