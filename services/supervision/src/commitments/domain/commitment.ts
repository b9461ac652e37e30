import {
  ApprovalDecidedV1,
  CommitmentBrokenV1,
  CommitmentKeptV1,
  CommitmentOutcome,
  CommitmentRectificationOrderedV1,
  CommitmentReviewAnsweredV1,
  CommitmentReviewRequestedV1,
  CommitmentVerificationOpenedV1,
  SupervisionEventTypes,
} from '@cityworks/contracts';
import { addCalendarMonths, chinaDateOf, endOfChinaDay, WorkingDayCalendar } from '@cityworks/calendar';
import { MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';
import type { CommitmentTerms } from './commitment-terms';

/** awaiting-verification → fulfilled | rectifying → (re-check) fulfilled | broken; broken waits for the 复核 answer. */
export type CommitmentStatus = 'awaiting-verification' | 'rectifying' | 'fulfilled' | 'broken';

/** What a verification's evidence is; the documents themselves stay where they are kept, named by reference. */
export const EvidenceKinds = ['检查记录', '现场照片', '证明材料', '其他'] as const;
export type EvidenceKind = (typeof EvidenceKinds)[number];

export interface EvidenceReference {
  kind: EvidenceKind;
  /** where the document is kept: a file number, a document-system id, a URL */
  reference: string;
  title: string | null;
}

/** One verification (核查) or re-check (复查) as recorded. */
export interface CommitmentCheck {
  outcome: CommitmentOutcome;
  findings: string;
  evidence: EvidenceReference[];
  inspectedAt: Date;
  recordedAt: Date;
  recordedBy: string;
  /** the deadline this check answered, and whether it came by it */
  dueAt: Date;
  onTime: boolean;
  /** minor breach: 责令限期整改 until then; the re-check is due at `recheckDueAt` */
  rectificationDueAt: Date | null;
  recheckDueAt: Date | null;
}

/** 函告审批部门复核: the approving department's review after a breach. */
export interface CommitmentReview {
  requestedAt: Date;
  replyDueAt: Date;
  answeredAt: Date | null;
  answer: string | null;
  answeredBy: string | null;
}

export interface CommitmentState {
  id: string;
  applicationId: string;
  projectCode: string;
  itemCode: string;
  /** 监管部门: verifies (谁主管谁监管) */
  supervisingDepartmentCode: string;
  /** 实施部门: decided on commitment, answers the 复核 request */
  approvingDepartmentCode: string;
  regionCode: string;
  ownerUscc: string;
  decidedAt: Date;
  verificationWorkingDays: number;
  status: CommitmentStatus;
  /** the deadline of the check now due (verification, then each re-check); kept as it was once checked */
  dueAt: Date;
  dueProvisional: boolean;
  /** when the first verification was recorded (the on-time measure of the 通报) */
  verifiedAt: Date | null;
  workflowId: string;
  checks: CommitmentCheck[];
  /** 取消告知承诺资格 until then, after a serious breach or false commitment */
  ineligibleUntil: Date | null;
  review: CommitmentReview | null;
}

export interface RecordCheckInput {
  outcome: CommitmentOutcome;
  findings: string;
  evidence: EvidenceReference[];
  inspectedAt: Date;
  /** minor breach: working days the subject has to rectify (责令限期整改) */
  rectificationWorkingDays?: number;
  recordedBy: string;
}

/** The last instant of the China day `months` calendar months after `from` (the same day of the month, or the month's last). */
export function monthsLater(from: Date, months: number): Date {
  return endOfChinaDay(addCalendarMonths(chinaDateOf(from), months));
}

/**
 * 告知承诺核查 of one approval granted on commitment. The supervising department verifies by the
 * deadline; the outcome decides what follows (a rectification and re-check, or the breach's
 * consequences and the approving department's 复核). Every rule of its life is here.
 */
export class Commitment {
  private constructor(private state: CommitmentState) {}

  /** A decision approved on commitment opens the verification, due after the item's verification period. */
  static open(
    decision: ApprovalDecidedV1,
    id: string,
    workflowId: string,
    deadline: { dueAt: Date; provisional: boolean },
  ): { commitment: Commitment; transition: Transition } {
    if (decision.decision !== 'approved' || !decision.onCommitment)
      throw new RuleViolation(`application ${decision.applicationId} was not approved on commitment`, 'rule');
    const days = decision.commitmentVerificationWorkingDays;
    if (!Number.isInteger(days) || days! < 1)
      throw new RuleViolation(`the decision on application ${decision.applicationId} names no verification period`, 'rule');
    const commitment = new Commitment({
      id,
      applicationId: decision.applicationId,
      projectCode: decision.projectCode,
      itemCode: decision.itemCode,
      supervisingDepartmentCode: decision.supervisingDepartmentCode,
      approvingDepartmentCode: decision.approvingDepartmentCode,
      regionCode: decision.regionCode,
      ownerUscc: decision.ownerUscc,
      decidedAt: new Date(decision.decidedAt),
      verificationWorkingDays: days!,
      status: 'awaiting-verification',
      dueAt: deadline.dueAt,
      dueProvisional: deadline.provisional,
      verifiedAt: null,
      workflowId,
      checks: [],
      ineligibleUntil: null,
      review: null,
    });
    const opened: CommitmentVerificationOpenedV1 = {
      commitmentId: id,
      applicationId: decision.applicationId,
      projectCode: decision.projectCode,
      itemCode: decision.itemCode,
      supervisingDepartmentCode: decision.supervisingDepartmentCode,
      approvingDepartmentCode: decision.approvingDepartmentCode,
      ownerUscc: decision.ownerUscc,
      dueAt: deadline.dueAt.toISOString(),
    };
    return {
      commitment,
      transition: {
        action: 'commitment.verification-opened',
        before: null,
        after: { status: 'awaiting-verification', applicationId: decision.applicationId, dueAt: deadline.dueAt.toISOString() },
        events: [{ type: SupervisionEventTypes.commitmentVerificationOpened, subject: id, data: opened }],
      },
    };
  }

  static restore(state: CommitmentState): Commitment {
    return new Commitment({ ...state, checks: [...state.checks], review: state.review && { ...state.review } });
  }

  get snapshot(): Readonly<CommitmentState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  get lastCheck(): CommitmentCheck | null {
    return this.state.checks[this.state.checks.length - 1] ?? null;
  }

  /**
   * Records a verification (核查) or, after a rectification order, the re-check (复查). Evidence
   * is required whatever the outcome. A re-check ends the matter: the commitment was fulfilled
   * after all, or it is broken — a second rectification order is refused.
   */
  recordCheck(input: RecordCheckInput, terms: CommitmentTerms, calendar: WorkingDayCalendar, now: Date): Transition {
    const s = this.state;
    if (s.status !== 'awaiting-verification' && s.status !== 'rectifying')
      throw new RuleViolation(`commitment ${s.id} is already ${s.status}; nothing is left to verify`);
    const findings = input.findings.trim();
    if (!findings) throw new RuleViolation('findings must say what the verification found', 'rule');
    if (!input.evidence.length) throw new RuleViolation('evidence must name at least one record or document the verification rests on', 'rule');
    if (input.inspectedAt.getTime() > now.getTime()) throw new RuleViolation('inspectedAt must not be in the future', 'rule');
    if (input.inspectedAt.getTime() < s.decidedAt.getTime())
      throw new RuleViolation(`inspectedAt must not be before the decision on commitment (${s.decidedAt.toISOString()})`, 'rule');
    const rechecking = s.status === 'rectifying';
    if (rechecking && input.outcome === 'minor-breach')
      throw new RuleViolation('outcome of a re-check (复查) is fulfilled, serious-breach or false-commitment: a rectification is ordered once', 'rule');
    if (input.outcome === 'minor-breach' && !input.rectificationWorkingDays)
      throw new RuleViolation('rectificationWorkingDays is required for a minor breach (责令限期整改 names its period)', 'rule');
    if (input.outcome !== 'minor-breach' && input.rectificationWorkingDays !== undefined)
      throw new RuleViolation('rectificationWorkingDays applies only to a minor breach', 'rule');

    const check: CommitmentCheck = {
      outcome: input.outcome,
      findings,
      evidence: input.evidence,
      inspectedAt: input.inspectedAt,
      recordedAt: now,
      recordedBy: input.recordedBy,
      dueAt: s.dueAt,
      onTime: now.getTime() <= s.dueAt.getTime(),
      rectificationDueAt: null,
      recheckDueAt: null,
    };
    const before = { status: s.status, dueAt: s.dueAt.toISOString() };
    const base = { commitmentId: s.id, applicationId: s.applicationId, ownerUscc: s.ownerUscc, supervisingDepartmentCode: s.supervisingDepartmentCode };
    const next: CommitmentState = { ...s, checks: [...s.checks, check], verifiedAt: s.verifiedAt ?? now };

    if (input.outcome === 'fulfilled') {
      this.state = { ...next, status: 'fulfilled' };
      const kept: CommitmentKeptV1 = { ...base, verifiedAt: now.toISOString(), onTime: check.onTime };
      return {
        action: rechecking ? 'commitment.rechecked' : 'commitment.verified',
        before,
        after: { status: 'fulfilled', outcome: input.outcome },
        events: [{ type: SupervisionEventTypes.commitmentKept, subject: s.id, data: kept }],
      };
    }

    if (input.outcome === 'minor-breach') {
      const rectification = calendar.dueInstant(now, input.rectificationWorkingDays!);
      const recheck = calendar.dueInstant(rectification.dueAt, terms.recheckWorkingDays);
      check.rectificationDueAt = rectification.dueAt;
      check.recheckDueAt = recheck.dueAt;
      this.state = { ...next, status: 'rectifying', dueAt: recheck.dueAt, dueProvisional: recheck.provisional };
      const ordered: CommitmentRectificationOrderedV1 = {
        ...base,
        findings,
        rectificationDueAt: rectification.dueAt.toISOString(),
        recheckDueAt: recheck.dueAt.toISOString(),
        orderedAt: now.toISOString(),
      };
      return {
        action: 'commitment.rectification-ordered',
        before,
        after: { status: 'rectifying', outcome: input.outcome, rectificationDueAt: ordered.rectificationDueAt, dueAt: ordered.recheckDueAt },
        events: [{ type: SupervisionEventTypes.commitmentRectificationOrdered, subject: s.id, data: ordered }],
      };
    }

    // serious breach or false commitment (失信)
    const ineligibleUntil = monthsLater(now, terms.ineligibleMonths);
    const replyDue = calendar.dueInstant(now, terms.reviewReplyWorkingDays);
    this.state = {
      ...next,
      status: 'broken',
      ineligibleUntil,
      review: { requestedAt: now, replyDueAt: replyDue.dueAt, answeredAt: null, answer: null, answeredBy: null },
    };
    const broken: CommitmentBrokenV1 = {
      ...base,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      approvingDepartmentCode: s.approvingDepartmentCode,
      breach: input.outcome as CommitmentBrokenV1['breach'],
      findings,
      ineligibleUntil: ineligibleUntil.toISOString(),
      foundAt: now.toISOString(),
    };
    const requested: CommitmentReviewRequestedV1 = {
      commitmentId: s.id,
      applicationId: s.applicationId,
      approvingDepartmentCode: s.approvingDepartmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      replyDueAt: replyDue.dueAt.toISOString(),
      requestedAt: now.toISOString(),
    };
    return {
      action: 'commitment.broken',
      before,
      after: { status: 'broken', outcome: input.outcome, ineligibleUntil: broken.ineligibleUntil, reviewReplyDueAt: requested.replyDueAt },
      events: [
        { type: SupervisionEventTypes.commitmentBroken, subject: s.id, data: broken },
        { type: SupervisionEventTypes.commitmentReviewRequested, subject: s.id, data: requested },
      ],
    };
  }

  /** 复核 answered by the approving department: how it reviewed the case file and procedure, and what it did. */
  answerReview(answer: string, answeredBy: string, now: Date): Transition {
    const s = this.state;
    if (s.status !== 'broken' || !s.review) throw new RuleViolation(`commitment ${s.id} has no 复核 request to answer`);
    if (s.review.answeredAt) throw new RuleViolation(`the 复核 request of commitment ${s.id} was answered on ${s.review.answeredAt.toISOString()}`);
    const text = answer.trim();
    if (!text) throw new RuleViolation('answer must say how the case was reviewed and what was done', 'rule');
    this.state = { ...s, review: { ...s.review, answeredAt: now, answer: text, answeredBy } };
    const answered: CommitmentReviewAnsweredV1 = {
      commitmentId: s.id,
      applicationId: s.applicationId,
      approvingDepartmentCode: s.approvingDepartmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      answeredAt: now.toISOString(),
      onTime: now.getTime() <= s.review.replyDueAt.getTime(),
    };
    return {
      action: 'commitment.review-answered',
      before: { review: 'requested' },
      after: { review: 'answered', onTime: answered.onTime },
      events: [{ type: SupervisionEventTypes.commitmentReviewAnswered, subject: s.id, data: answered }],
    };
  }

  /**
   * The verification deadline was computed again (an official holiday arrangement replaced a
   * provisional one). Only a verification not yet recorded moves: re-check and 复核 deadlines
   * are set once, and a check already made was judged by the deadline it had.
   */
  moveDeadline(deadline: { dueAt: Date; provisional: boolean }, reason: string): MaybeTransition {
    const s = this.state;
    if (s.status !== 'awaiting-verification' || s.checks.length) return NO_CHANGE;
    if (deadline.dueAt.getTime() === s.dueAt.getTime() && deadline.provisional === s.dueProvisional) return NO_CHANGE;
    const before = { dueAt: s.dueAt.toISOString(), dueProvisional: s.dueProvisional };
    this.state = { ...s, dueAt: deadline.dueAt, dueProvisional: deadline.provisional };
    return {
      action: 'commitment.deadline-recomputed',
      before,
      after: { dueAt: deadline.dueAt.toISOString(), dueProvisional: deadline.provisional, reason },
      events: [],
    };
  }
}
