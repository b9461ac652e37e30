import type { LetterKind, Obligation } from '../workflows/escalation-ladder';

/** 发文机关: the 工改办 letter office that issues a region's letters (from the catalog). */
export interface LetterOffice {
  /** catalog letter-office code, e.g. AS-TD-GGB-LETTERS */
  code: string;
  /** the issuing authority's full name, printed as the document's mark (发文机关标志) */
  name: string;
  /** 发文机关代字, e.g. 铁东工改办; the number reads 铁东工改办督〔2026〕12号 */
  shortName: string;
  /** the 工改办 department the office belongs to: copied on every 督办函 */
  departmentCode: string;
}

export interface IssueLetterInput {
  /** unique per rung of an obligation: a retried or replayed call returns the letter already issued */
  claimKey: string;
  kind: LetterKind;
  office: LetterOffice;
  obligation: Obligation;
  /** the deadline the unit missed */
  missedDueAt: string;
  /** by when the unit must act and reply (computed in working days by the catalog) */
  replyDueAt: string;
  /**
   * 主送机关 as printed on the letter: the addressee department's name (catalog `getDepartment`);
   * without it the letter prints the department code
   */
  addresseeName?: string;
}

export interface IssuedLetter {
  letterId: string;
  /** e.g. 铁东工改办督〔2026〕12号 — gap-free per office, kind and year */
  number: string;
  replyDueAt: string;
  /** false when the claim key had issued it before */
  newlyIssued: boolean;
}

export interface EscalationStepInput {
  claimKey: string;
  step: '预警' | '通报';
  obligation: Obligation;
  dueAt: string;
  /** the letter the step follows (通报 after a 督办函) */
  letterId?: string;
}

/**
 * Escalation activities on supervision's task queue (`supervision`): letters and the ledger of
 * rungs fired, each claimed once by its key (a unique constraint, not a read-then-write).
 */
export interface EscalationActivities {
  /** 提醒函 / 督办函: numbered, stored, rendered, announced (`letter.issued.v1`); once per claim key */
  issueLetter(input: IssueLetterInput): Promise<IssuedLetter>;
  /** 预警 to the handler, or the 通报 listing with 追责 flag; once per claim key */
  recordEscalationStep(input: EscalationStepInput): Promise<{ recorded: boolean }>;
}
