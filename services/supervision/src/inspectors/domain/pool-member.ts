import { RuleViolation } from '@cityworks/platform';

/** 执法人员库 (inspectors, sent by their department) and 专家库 (experts, drawn for checks that need expertise). */
export const PoolKinds = ['inspector', 'expert'] as const;
export type PoolKind = (typeof PoolKinds)[number];

/** A relative relation recorded for 回避: the member may not inspect that subject. */
export interface RelativeRelation {
  uscc: string;
  /** e.g. 配偶, 直系血亲, 三代以内旁系血亲, 近姻亲 */
  relation: string;
}

export interface PoolMemberState {
  id: string;
  kind: PoolKind;
  name: string;
  /** the department an inspector serves; an expert's, when one recommended them (else null) */
  departmentCode: string | null;
  regionCode: string;
  /** 执法证号 for an inspector, 专家证书编号 for an expert */
  certificateNumber: string;
  specialties: string[];
  /** the employer's 统一社会信用代码: an expert from an enterprise never inspects it */
  employerUscc: string | null;
  relatives: RelativeRelation[];
  registeredAt: Date;
  registeredBy: string;
}

/** One earlier inspection of a subject by a member (from earlier campaigns' assigned visits). */
export interface PastInspection {
  memberId: string;
  uscc: string;
  at: Date;
}

/**
 * 回避: the subjects a member may not inspect — their employer, a subject a relative relation is
 * recorded with, and any subject they inspected since `since` (the campaign's recusal period).
 */
export function conflictsOf(member: PoolMemberState, pastInspections: readonly PastInspection[], since: Date): string[] {
  const usccs = new Set<string>();
  if (member.employerUscc) usccs.add(member.employerUscc);
  for (const r of member.relatives) usccs.add(r.uscc);
  for (const p of pastInspections) if (p.memberId === member.id && p.at.getTime() >= since.getTime()) usccs.add(p.uscc);
  return [...usccs].sort();
}

/** A relative relation recorded later; the same subject twice is one relation. */
export function withRelative(member: PoolMemberState, relative: RelativeRelation): PoolMemberState | null {
  const relation = relative.relation.trim();
  if (!relation) throw new RuleViolation('relation must say how the member is related (e.g. 配偶)', 'rule');
  if (member.relatives.some((r) => r.uscc === relative.uscc)) return null;
  return { ...member, relatives: [...member.relatives, { uscc: relative.uscc, relation }] };
}

/**
 * Whether a member's region covers a subject's: a city's 行政区划代码 (210300) covers its
 * districts (2103xx), a province's (210000) its cities; a district only itself.
 */
export function servesRegion(member: Pick<PoolMemberState, 'regionCode'>, regionCode: string): boolean {
  const prefix = member.regionCode.replace(/(00)+$/, '');
  return regionCode.startsWith(prefix);
}
