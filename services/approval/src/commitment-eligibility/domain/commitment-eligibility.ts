import { ApprovalEventTypes, CommitmentEligibilityCancelledV1 } from '@cityworks/contracts';
import { RuleViolation, Transition } from '@cityworks/platform';

/**
 * 取消告知承诺资格: after a serious breach or a false commitment found by the supervising
 * department, the subject (建设单位, by 统一社会信用代码) may not apply on commitment until `until`.
 * One cancellation per broken commitment.
 */
export interface EligibilityCancellation {
  id: string;
  ownerUscc: string;
  commitmentId: string;
  applicationId: string;
  reason: string;
  cancelledAt: Date;
  until: Date;
}

/** A cancellation of eligibility, and what it caused. */
export function cancelEligibility(
  input: Omit<EligibilityCancellation, 'cancelledAt'>,
  now: Date,
): { cancellation: EligibilityCancellation; transition: Transition } {
  if (!input.reason.trim()) throw new RuleViolation('reason is required to cancel commitment eligibility', 'rule');
  if (input.until.getTime() <= now.getTime()) throw new RuleViolation('until must be in the future', 'rule');
  const cancellation: EligibilityCancellation = { ...input, cancelledAt: now };
  const cancelled: CommitmentEligibilityCancelledV1 = {
    ownerUscc: input.ownerUscc,
    commitmentId: input.commitmentId,
    applicationId: input.applicationId,
    reason: input.reason,
    cancelledAt: now.toISOString(),
    until: input.until.toISOString(),
  };
  return {
    cancellation,
    transition: {
      action: 'commitment-eligibility.cancelled',
      before: null,
      after: { ownerUscc: input.ownerUscc, until: cancelled.until, commitmentId: input.commitmentId },
      events: [{ type: ApprovalEventTypes.commitmentEligibilityCancelled, subject: input.ownerUscc, data: cancelled }],
    },
  };
}

/** The cancellations still in force at `now`, latest ending first. */
export function inForce(cancellations: readonly EligibilityCancellation[], now: Date): EligibilityCancellation[] {
  return cancellations.filter((c) => c.until.getTime() > now.getTime()).sort((a, b) => b.until.getTime() - a.until.getTime());
}

/**
 * 受理 on commitment is refused while a cancellation is in force, or while credit grades the subject
 * D (联合惩戒, 一处失信、处处受限), naming the reason.
 */
export function assertMayApplyOnCommitment(
  ownerUscc: string,
  cancellations: readonly EligibilityCancellation[],
  now: Date,
  credit: { grade: string; jointPunishment: boolean } | null = null,
): void {
  if (credit?.jointPunishment)
    throw new RuleViolation(
      `onCommitment: ${ownerUscc} is graded ${credit.grade} by credit and on the joint-punishment list (联合惩戒): no approval on commitment`,
      'rule',
    );
  const [binding] = inForce(cancellations, now);
  if (!binding) return;
  throw new RuleViolation(
    `onCommitment: ${ownerUscc} may not apply on commitment (告知承诺资格已取消) until ${binding.until.toISOString()}: ${binding.reason}`,
    'rule',
  );
}
