import type { LetterKind, ObligationKind } from '../workflows/escalation-ladder';

/**
 * Event types published by supervision on `escalation.events`: the letters (提醒函 / 督办函) and
 * the rungs of the escalation ladder that are not letters (预警, 通报). Letter events take the
 * letter id as subject, so one letter's issue, receipt and reply stay in order; rung events
 * take `<obligation kind>:<obligation id>`.
 */
export const EscalationEventTypes = {
  letterIssued: 'letter.issued.v1',
  letterReceived: 'letter.received.v1',
  letterReplied: 'letter.replied.v1',
  warningIssued: 'escalation.warning-issued.v1',
  flaggedForCircular: 'escalation.flagged-for-circular.v1',
  reportPublished: 'report.published.v1',
} as const;

/** The late obligation as a letter or a rung names it. */
export interface EscalatedObligation {
  kind: ObligationKind;
  id: string;
  title: string;
  regionCode: string;
  projectCode: string | null;
  itemCode: string | null;
}

/** A numbered 提醒函 / 督办函 went out to the responsible unit. */
export interface LetterIssuedV1 {
  letterId: string;
  /** e.g. 铁东工改办督〔2026〕12号 */
  number: string;
  kind: LetterKind;
  officeCode: string;
  /** 主送: the late unit */
  addresseeDepartmentCode: string;
  /** 抄送: the 工改办 on a 督办函, null on a 提醒函 */
  copyToDepartmentCode: string | null;
  obligation: EscalatedObligation;
  missedDueAt: string;
  replyDueAt: string;
  issuedAt: string;
  claimKey: string;
}

/** The addressee opened the letter (签收). */
export interface LetterReceivedV1 {
  letterId: string;
  number: string;
  kind: LetterKind;
  addresseeDepartmentCode: string;
  receivedAt: string;
}

/** The addressee answered (书面回复); `late` when after the reply deadline. */
export interface LetterRepliedV1 {
  letterId: string;
  number: string;
  kind: LetterKind;
  addresseeDepartmentCode: string;
  obligation: EscalatedObligation;
  repliedAt: string;
  replyDueAt: string;
  late: boolean;
  text: string;
  /** by reference only: the files stay where the department keeps them */
  attachments: { name: string; uri: string }[];
}

/** A rung of the ladder that is not a letter, as recorded in the ledger. */
export interface EscalationRungV1 {
  stepId: string;
  claimKey: string;
  obligation: EscalatedObligation;
  departmentCode: string;
  /** the deadline the rung was measured against */
  dueAt: string;
  firedAt: string;
}

/** 预警: the handler is warned a few working days before the deadline. */
export type EscalationWarningIssuedV1 = EscalationRungV1;

/** 通报 with 追责: still open after the 督办函; listed in the 工改办's monthly 通报 and flagged for accountability. */
export interface EscalationFlaggedForCircularV1 extends EscalationRungV1 {
  /** the 督办函 the flag follows, when the ladder names it */
  letterId: string | null;
  accountability: true;
}

/**
 * The 工改办's monthly 通报 or quarterly 督查评分 was stored and rendered (subject: the report id).
 * Carries each department's headline figures; the whole report is `GET /oversight-reports/{id}`.
 */
export interface ReportPublishedV1 {
  reportId: string;
  kind: 'monthly' | 'quarterly';
  /** `YYYY-MM` or `YYYY-Qn` (China time) */
  period: string;
  from: string;
  to: string;
  generatedAt: string;
  departments: {
    departmentCode: string;
    obligationsOnTime: number;
    obligationsLate: number;
    lettersOverdue: number;
    /** quarterly only; null on a monthly report */
    score: number | null;
  }[];
  /** the draw of finished applications for review; null when the report draws none */
  sample: { seed: number; size: number; drawn: number; populationSize: number } | null;
  /** SHA-256 of the stored PDF */
  pdfSha256: string;
}
