/** Event types published by the credit service on `credit.events`. */
export const CreditEventTypes = {
  recordAdded: 'credit.record-added.v1',
  gradeChanged: 'credit.grade-changed.v1',
  recordRepaired: 'credit.record-repaired.v1',
} as const;

/** 守信 (good) or 失信 (bad) */
export const CreditRecordKinds = ['good', 'bad'] as const;
export type CreditRecordKind = (typeof CreditRecordKinds)[number];

/** 失信 severity: 一般 / 较重 / 严重 */
export const CreditSeverities = ['minor', 'serious', 'severe'] as const;
export type CreditSeverity = (typeof CreditSeverities)[number];

/** Where a record came from; the department code says who decided it. */
export const CreditSourceTypes = ['approval', 'supervision', 'complaint', 'commitment'] as const;
export type CreditSourceType = (typeof CreditSourceTypes)[number];

/** A 良好, B 一般, C 较差, D 差 (联合惩戒对象) */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';

/**
 * A credit record was added for a subject (统一社会信用代码). Carries ids, classification and
 * dates only; the reason text stays in the credit service.
 */
export interface CreditRecordAddedV1 {
  recordId: string;
  uscc: string;
  kind: CreditRecordKind;
  /** null for a 守信 record */
  severity: CreditSeverity | null;
  sourceType: CreditSourceType;
  sourceDepartmentCode: string;
  /** the originating record (application id, 文书号 …), when the source gave one */
  sourceRef: string | null;
  /** YYYY-MM-DD, China calendar */
  decidedOn: string;
  /** YYYY-MM-DD, the last day the record counts */
  expiresOn: string;
  /** the subject's grade once this record counts, so consumers need not ask */
  gradeAfter: CreditGrade;
  addedAt: string;
}

/**
 * A subject's grade changed (or was first computed). Approval and supervision keep a local read
 * model from it rather than asking credit on every request; `version` grows by one per change of
 * the subject, so a consumer keeps only the newest.
 */
export interface CreditGradeChangedV1 {
  uscc: string;
  /** null the first time the subject is graded */
  gradeBefore: CreditGrade | null;
  gradeAfter: CreditGrade;
  /** 联合惩戒: on the joint-punishment list (grade D) */
  jointPunishment: boolean;
  /** 绿色通道: grade A */
  greenChannel: boolean;
  version: number;
  /** the record whose arrival changed the grade */
  causeRecordId: string;
  changedAt: string;
}

/**
 * 信用修复: the credit office approved a repair of a 失信 record, so the record is no longer
 * published or counted. Ids and dates only: the applicant, the correction and the reasons stay in
 * the credit service. The grade it leads to comes as `credit.grade-changed.v1` when it moves.
 */
export interface CreditRecordRepairedV1 {
  repairId: string;
  recordId: string;
  uscc: string;
  /** the record's 认定日期, YYYY-MM-DD */
  recordDecidedOn: string;
  appliedAt: string;
  repairedAt: string;
}
