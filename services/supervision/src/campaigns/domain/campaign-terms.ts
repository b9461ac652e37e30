import type { CampaignLadderTerms } from '@cityworks/contracts';

/**
 * Campaign settings read once at start from the environment (a wrong value stops the service
 * naming the setting): the ladder's terms for results and publication, which no catalog item
 * governs.
 */
export interface CampaignTerms {
  ladder: CampaignLadderTerms;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

export function campaignTermsFrom(env: NodeJS.ProcessEnv): CampaignTerms {
  return {
    ladder: {
      warningLeadWorkingDays: wholeNumber(env, 'CAMPAIGN_WARNING_LEAD_WORKING_DAYS', 3, 0, 30),
      reminderGraceWorkingDays: wholeNumber(env, 'CAMPAIGN_REMINDER_GRACE_WORKING_DAYS', 5, 1, 60),
      escalationGraceWorkingDays: wholeNumber(env, 'CAMPAIGN_ESCALATION_GRACE_WORKING_DAYS', 5, 1, 60),
    },
  };
}
