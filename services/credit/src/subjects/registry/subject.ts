import type { IsoDate } from '@cityworks/calendar';

/**
 * What a 统一社会信用代码 says of its holder: the first character is the registering authority —
 * 1 机构编制 (机关、事业单位), 5 民政 (社会组织), 9 市场监管 (企业、个体工商户), others (律师事务所 …).
 */
export const SubjectKinds = ['enterprise', 'institution', 'social-organisation', 'other'] as const;
export type SubjectKind = (typeof SubjectKinds)[number];

export function subjectKindOf(uscc: string): SubjectKind {
  switch (uscc[0]) {
    case '9':
      return 'enterprise';
    case '1':
      return 'institution';
    case '5':
      return 'social-organisation';
    default:
      return 'other';
  }
}

/** Where the facts of a subject last came from. */
export type SubjectInfoSource = 'api' | 'event';

/** The facts of a subject as given, with when they were true; older facts never overwrite newer ones. */
export interface SubjectFacts {
  uscc: string;
  name: string;
  legalRepresentative: string | null;
  /** 6-digit 行政区划代码, when known */
  regionCode: string | null;
  asOf: Date;
  source: SubjectInfoSource;
}

/**
 * The subject's facts after `incoming`: a fact left null keeps what was known (an event that does
 * not name the region does not erase it), and facts older than the stored ones change nothing
 * (events arrive out of order). Null when nothing changes.
 */
export function mergeSubjectFacts(stored: SubjectFacts | null, incoming: SubjectFacts): SubjectFacts | null {
  if (!stored) return incoming;
  if (incoming.asOf < stored.asOf) return null;
  const next: SubjectFacts = {
    ...incoming,
    legalRepresentative: incoming.legalRepresentative ?? stored.legalRepresentative,
    regionCode: incoming.regionCode ?? stored.regionCode,
  };
  const same =
    next.name === stored.name &&
    next.legalRepresentative === stored.legalRepresentative &&
    next.regionCode === stored.regionCode &&
    next.source === stored.source;
  return same ? null : next;
}

export type { IsoDate };
