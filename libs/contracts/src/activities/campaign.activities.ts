import type { CampaignDrawSummary } from '../workflows/campaign';

/** Activities of 双随机 campaigns, on supervision's task queue. */
export interface CampaignActivities {
  /**
   * Draws the campaign's subjects and teams with its committed seed, assigns the checks and
   * computes the results and publication deadlines. Idempotent: a retried call returns what the
   * first one drew.
   */
  drawCampaign(input: { campaignId: string }): Promise<CampaignDrawSummary>;
}
