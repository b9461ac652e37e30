import type { CreditGrade } from '@cityworks/contracts';
import { EligibilityCancellation, inForce } from '../../commitment-eligibility/domain/commitment-eligibility';

/**
 * The approval actions credit can restrict (信用分级分类: 绿色通道 for the good, 谨慎审批 for the
 * bad, 一处失信、处处受限 for the joint-punishment list).
 */
export const CreditRestrictedActions = [
  /** 告知承诺制审批: refused on the joint-punishment list or while eligibility is cancelled */
  'apply-on-commitment',
  /** 容缺受理: materials made up later, only through the green channel (grade A) */
  'tolerant-acceptance',
] as const;
export type CreditRestrictedAction = (typeof CreditRestrictedActions)[number];

export interface SubjectCreditSnapshot {
  grade: CreditGrade;
  jointPunishment: boolean;
  greenChannel: boolean;
}

export interface ActionStanding {
  action: CreditRestrictedAction;
  restricted: boolean;
  /** why it is restricted; null when it is not */
  reason: string | null;
}

export interface CreditStanding {
  uscc: string;
  /** null: credit never graded the subject, so it is treated as B (一般) */
  grade: CreditGrade | null;
  jointPunishment: boolean;
  greenChannel: boolean;
  /** 谨慎审批: graded C or D, so approval examines its applications with extra care */
  cautiousReview: boolean;
  actions: ActionStanding[];
}

/** What a subject may do in approval now, from approval's copy of its grade and its cancellations. */
export function creditStanding(
  uscc: string,
  credit: SubjectCreditSnapshot | null,
  cancellations: readonly EligibilityCancellation[],
  now: Date,
): CreditStanding {
  const [binding] = inForce(cancellations, now);
  const grade = credit?.grade ?? null;
  const commitmentReason = credit?.jointPunishment
    ? `graded ${credit.grade} and on the joint-punishment list (联合惩戒)`
    : binding
      ? `告知承诺资格 cancelled until ${binding.until.toISOString()}: ${binding.reason}`
      : null;
  const greenChannel = credit?.greenChannel ?? false;
  const reasons: Record<CreditRestrictedAction, string | null> = {
    'apply-on-commitment': commitmentReason,
    'tolerant-acceptance': greenChannel ? null : `容缺受理 is for the green channel (grade A); graded ${grade ?? 'never (treated as B)'}`,
  };
  return {
    uscc,
    grade,
    jointPunishment: credit?.jointPunishment ?? false,
    greenChannel,
    cautiousReview: grade === 'C' || grade === 'D',
    // in the order of CreditRestrictedActions, so a caller may index by it
    actions: CreditRestrictedActions.map((action) => {
      const reason = reasons[action];
      return { action, restricted: reason !== null, reason };
    }),
  };
}
