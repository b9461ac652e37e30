import { Injectable } from '@nestjs/common';
import { UpstreamClient } from '../upstream/upstream-client';
import { DrawCheckView } from './public.view';

interface PublishedDraw {
  campaignId: string;
  seed: string;
  seedCommitment: string;
  subjects: unknown[];
}

interface Verification {
  commitmentMatches: boolean;
  computedCommitment: string;
  listMatches: boolean | null;
  draw: {
    population: number;
    visits: { uscc: string; inclusionProbability: number; u: number; checks: { departmentCode: string; inspectorIds: string[] }[]; expertIds: string[] }[];
  };
}

interface ResultsPage {
  items: { uscc: string; checks: { departmentCode: string; result: string | null; checkedAt: string | null }[] }[];
  total: number;
}

/**
 * Verifies a published draw the way anyone could: takes supervision's public draw document as
 * published and hands it, unchanged, to the public verify endpoint (the same module as
 * scripts/verify-draw.js), then lays the published results beside the re-drawn subjects.
 */
@Injectable()
export class DrawChecker {
  constructor(private readonly upstream: UpstreamClient) {}

  async check(campaignId: string): Promise<DrawCheckView> {
    const published = await this.upstream.json<PublishedDraw>('supervision', `/campaigns/${campaignId}/draw`);
    const [verification, results] = await Promise.all([
      this.upstream.json<Verification>('supervision', '/campaigns/draw/verify', { method: 'POST', body: published }),
      this.upstream.json<ResultsPage>('supervision', `/public/campaigns/${campaignId}/results`, { query: { pageSize: 200 } }),
    ]);
    const resultsOf = new Map(results.items.map((r) => [r.uscc, r.checks]));
    return {
      campaignId,
      seedCommitment: published.seedCommitment,
      seed: published.seed,
      computedCommitment: verification.computedCommitment,
      commitmentMatches: verification.commitmentMatches,
      listMatches: verification.listMatches,
      population: verification.draw.population,
      drawn: verification.draw.visits.map((v) => ({
        uscc: v.uscc,
        inclusionProbability: v.inclusionProbability,
        u: v.u,
        inspectorIds: v.checks.flatMap((c) => c.inspectorIds),
        expertIds: v.expertIds,
        results: resultsOf.get(v.uscc) ?? [],
      })),
    };
  }
}
