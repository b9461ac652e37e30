/**
 * The rules a city sets for 告知承诺核查 beyond the item's verification period. Configured per
 * deployment (environment), checked at start; the defaults follow common practice in the
 * policy documents (a year without commitment mode after a breach).
 */
export interface CommitmentTerms {
  /** 取消告知承诺资格: months a subject may not apply on commitment after a serious breach or false commitment */
  ineligibleMonths: number;
  /** 复查: working days the supervising department has to re-check after the rectification deadline */
  recheckWorkingDays: number;
  /** 复核: working days the approving department has to review the case and answer */
  reviewReplyWorkingDays: number;
}

export const DEFAULT_COMMITMENT_TERMS: CommitmentTerms = { ineligibleMonths: 12, recheckWorkingDays: 5, reviewReplyWorkingDays: 10 };

const SETTINGS: { key: keyof CommitmentTerms; env: string; max: number }[] = [
  { key: 'ineligibleMonths', env: 'COMMITMENT_INELIGIBLE_MONTHS', max: 60 },
  { key: 'recheckWorkingDays', env: 'COMMITMENT_RECHECK_WORKING_DAYS', max: 60 },
  { key: 'reviewReplyWorkingDays', env: 'COMMITMENT_REVIEW_REPLY_WORKING_DAYS', max: 60 },
];

/** The terms from the environment; a value that is not a whole number from 1 to its maximum stops the service at start. */
export function commitmentTermsFrom(env: NodeJS.ProcessEnv): CommitmentTerms {
  const terms = { ...DEFAULT_COMMITMENT_TERMS };
  for (const { key, env: name, max } of SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not ${JSON.stringify(raw)}`);
    terms[key] = value;
  }
  return terms;
}
