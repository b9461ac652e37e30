import { createHash } from 'node:crypto';

/** What makes two deliveries of one channel record the same record; never the complainant. */
export interface IntakeFacts {
  kind: string;
  category: string;
  regionCode: string;
  itemCode?: string | null;
  projectCode?: string | null;
  subjectUscc?: string | null;
  content: string;
  attachments: { sha256: string }[];
}

/**
 * SHA-256 of the matter a channel delivered (not who delivered it: a hash of a name is a name
 * to anyone who guesses it). A record delivered again with the same digest is the same record;
 * with another digest it is a different one under a reused number, and refused.
 */
export function intakeDigest(facts: IntakeFacts): string {
  const canonical = JSON.stringify([
    facts.kind,
    facts.category,
    facts.regionCode,
    facts.itemCode ?? null,
    facts.projectCode ?? null,
    facts.subjectUscc ?? null,
    facts.content,
    facts.attachments.map((a) => a.sha256.toLowerCase()),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
