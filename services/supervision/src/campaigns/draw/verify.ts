import { DRAW_ALGORITHM, DrawInput, DrawResult, runDraw } from './draw';
import { seedCommitment } from './hmac-uniform';

/**
 * What a campaign publishes (一公开) so anyone can re-run its draw: the inputs as they stood at
 * the draw, the commitment published at announcement, the seed revealed with the results, and
 * optionally the list it published, to compare.
 */
export interface PublishedDraw extends DrawInput {
  algorithm: typeof DRAW_ALGORITHM;
  campaignId?: string;
  /** SHA-256 of the seed, hex, as published at announcement */
  seedCommitment: string;
  /** the published list of drawn subjects' USCCs, when the document carries it */
  drawnUsccs?: string[];
}

export interface DrawVerification {
  campaignId: string | null;
  /** SHA-256(seed) equals the commitment published at announcement */
  commitmentMatches: boolean;
  computedCommitment: string;
  /** the re-run's list equals the published one; null when the document carries no list */
  listMatches: boolean | null;
  draw: DrawResult;
}

/** Re-runs a published draw. Used by `POST /campaigns/draw/verify` and by scripts/verify-draw.js alike. */
export function verifyPublishedDraw(published: PublishedDraw): DrawVerification {
  if (published.algorithm !== DRAW_ALGORITHM) throw new Error(`algorithm must be ${DRAW_ALGORITHM}, not ${String(published.algorithm)}`);
  const draw = runDraw(published);
  const computedCommitment = seedCommitment(published.seed);
  const drawn = draw.visits.map((v) => v.uscc);
  const listed = published.drawnUsccs ? [...published.drawnUsccs].sort() : null;
  return {
    campaignId: published.campaignId ?? null,
    commitmentMatches: computedCommitment === String(published.seedCommitment).toLowerCase(),
    computedCommitment,
    listMatches: listed ? listed.length === drawn.length && listed.every((u, i) => u === drawn[i]) : null,
    draw,
  };
}

/** The verification as plain text lines, one visit per line: what the command prints. */
export function describeVerification(v: DrawVerification): string[] {
  const lines = [
    `campaign: ${v.campaignId ?? '(not named)'}`,
    `algorithm: ${v.draw.algorithm}`,
    `seed commitment: ${v.commitmentMatches ? 'matches' : 'DOES NOT MATCH'} (SHA-256 of the seed = ${v.computedCommitment})`,
    `population: ${v.draw.population}, expected sample size: ${v.draw.expectedSize}, drawn: ${v.draw.visits.length}`,
  ];
  if (v.listMatches !== null) lines.push(`published list: ${v.listMatches ? 'matches' : 'DIFFERS from'} the re-run`);
  for (const visit of v.draw.visits) {
    const teams = visit.checks.map((c) => `${c.departmentCode}:${c.inspectorIds.join('+') || '-'}`).join(' ');
    lines.push(`${visit.uscc} p=${visit.inclusionProbability} u=${visit.u} ${teams}${visit.expertIds.length ? ` experts:${visit.expertIds.join('+')}` : ''}`);
  }
  for (const s of v.draw.shortfalls)
    lines.push(`shortfall: ${s.uscc} ${s.role}${s.departmentCode ? ` of ${s.departmentCode}` : ''} needed ${s.needed}, eligible ${s.eligible}`);
  return lines;
}
