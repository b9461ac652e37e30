import { CreditEventTypes, CreditRecordKind, CreditRecordRepairedV1, CreditSeverities, CreditSeverity } from '@cityworks/contracts';
import { addCalendarMonths, chinaDateOf } from '@cityworks/calendar';
import { RuleViolation, Transition } from '@cityworks/platform';

/** pending → approved (the record is repaired) | refused; decided once. */
export const CreditRepairStatuses = ['pending', 'approved', 'refused'] as const;
export type CreditRepairStatus = (typeof CreditRepairStatuses)[number];

export const CreditRepairDecisions = ['approved', 'refused'] as const;
export type CreditRepairDecision = (typeof CreditRepairDecisions)[number];

/** What a repair's evidence is; the documents stay where they are kept, named by reference. */
export const RepairEvidenceKinds = ['整改报告', '信用承诺书', '培训证明', '证明材料', '其他'] as const;
export type RepairEvidenceKind = (typeof RepairEvidenceKinds)[number];

export interface RepairEvidence {
  kind: RepairEvidenceKind;
  /** where the document is kept: a file number, a document-system id, a URL */
  reference: string;
  title: string | null;
}

/** 最短公示期: whole months after 认定日期 before a 失信 record may be repaired, by severity. */
export type RepairTerms = Record<CreditSeverity, number>;

export const DEFAULT_REPAIR_TERMS: RepairTerms = { minor: 3, serious: 6, severe: 12 };

const TERM_VARIABLES: Record<CreditSeverity, string> = {
  minor: 'CREDIT_REPAIR_MIN_MONTHS_MINOR',
  serious: 'CREDIT_REPAIR_MIN_MONTHS_SERIOUS',
  severe: 'CREDIT_REPAIR_MIN_MONTHS_SEVERE',
};

/** Reads the minimum periods from the environment; a bad value is refused naming its variable, so the service does not start on it. */
export function repairTermsFrom(env: Record<string, string | undefined>): RepairTerms {
  const terms = { ...DEFAULT_REPAIR_TERMS };
  for (const severity of CreditSeverities) {
    const name = TERM_VARIABLES[severity];
    const raw = env[name]?.trim();
    if (!raw) continue;
    const months = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(months) || months < 1 || months > 60) throw new Error(`${name} must be a whole number of months from 1 to 60 (got "${env[name]}")`);
    terms[severity] = months;
  }
  return terms;
}

/** The record a repair is applied for, as far as the rules of repair need it. */
export interface RepairableRecord {
  id: string;
  uscc: string;
  kind: CreditRecordKind;
  severity: CreditSeverity | null;
  sourceDepartmentCode: string;
  decidedOn: string;
  expiresOn: string;
  repaired: boolean;
}

/** The first day a 失信 record may be repaired: its minimum period after 认定日期 has run. */
export function earliestRepairOn(record: Pick<RepairableRecord, 'decidedOn' | 'severity'>, terms: RepairTerms): string {
  return addCalendarMonths(record.decidedOn, terms[record.severity ?? 'minor']);
}

export interface CreditRepairState {
  id: string;
  recordId: string;
  uscc: string;
  /** 谁认定、谁修复: the department that decided the record handles its repair */
  departmentCode: string;
  /** the record's 认定日期, carried to the event */
  recordDecidedOn: string;
  status: CreditRepairStatus;
  /** 申请人: the subject's representative the desk files for; personal, kept out of audit and events */
  applicantName: string;
  /** what the subject corrected (整改情况) */
  correction: string;
  evidence: RepairEvidence[];
  appliedAt: Date;
  appliedBy: string;
  decisionReason: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
}

export interface ApplyForRepairInput {
  applicantName: string;
  correction: string;
  evidence: RepairEvidence[];
  appliedBy: string;
}

export interface DecideRepairInput {
  decision: CreditRepairDecision;
  reason: string;
  decidedBy: string;
}

/** What an approval does to the record: it stops counting and is no longer published. */
export interface RecordRepaired {
  recordId: string;
  repairedAt: Date;
}

const notBlank = (value: string) => /[^\s\ufeff]/u.test(value);

/**
 * 信用修复 of one 失信 record: the subject, through the credit desk, applies once the minimum
 * period has run, with evidence of its correction; the credit office approves or refuses, once.
 * Every rule of its life is here; persistence and the grade are the service's.
 */
export class CreditRepair {
  private constructor(private state: CreditRepairState) {}

  /**
   * Files the application. `openRepairId` is the record's pending application, if any: one at a
   * time, so two decisions can never race over one record.
   */
  static apply(
    record: RepairableRecord,
    openRepairId: string | null,
    input: ApplyForRepairInput,
    terms: RepairTerms,
    id: string,
    now: Date,
  ): { repair: CreditRepair; transition: Transition } {
    const today = chinaDateOf(now);
    if (record.kind !== 'bad') throw new RuleViolation(`credit record ${record.id} is 守信 (good): only a 失信 (bad) record can be repaired`, 'rule');
    if (record.repaired) throw new RuleViolation(`credit record ${record.id} is already repaired`, 'rule');
    if (record.expiresOn < today)
      throw new RuleViolation(`credit record ${record.id} expired on ${record.expiresOn}: it no longer counts and needs no repair`, 'rule');
    const earliest = earliestRepairOn(record, terms);
    if (today < earliest)
      throw new RuleViolation(
        `credit record ${record.id} is inside its minimum period: a ${record.severity} record decided on ${record.decidedOn} may be repaired from ${earliest} (${terms[record.severity ?? 'minor']} months)`,
        'rule',
      );
    if (openRepairId) throw new RuleViolation(`credit record ${record.id} already has a pending repair application (${openRepairId})`, 'state');
    if (!notBlank(input.applicantName)) throw new RuleViolation('applicantName must not be blank', 'rule');
    if (!notBlank(input.correction)) throw new RuleViolation('correction must say what was corrected', 'rule');
    if (!input.evidence.length) throw new RuleViolation('evidence must name at least one document of the correction', 'rule');
    const repair = new CreditRepair({
      id,
      recordId: record.id,
      uscc: record.uscc,
      departmentCode: record.sourceDepartmentCode,
      recordDecidedOn: record.decidedOn,
      status: 'pending',
      applicantName: input.applicantName.trim(),
      correction: input.correction.trim(),
      evidence: input.evidence.map((e) => ({ ...e })),
      appliedAt: now,
      appliedBy: input.appliedBy,
      decisionReason: null,
      decidedAt: null,
      decidedBy: null,
    });
    return {
      repair,
      transition: {
        action: 'credit-repair.applied',
        before: null,
        // no applicant, no free text: the audit log is read more widely than the application
        after: { status: 'pending', recordId: record.id, uscc: record.uscc, evidenceCount: input.evidence.length, earliestRepairOn: earliest },
        events: [],
      },
    };
  }

  static restore(state: CreditRepairState): CreditRepair {
    return new CreditRepair({ ...state, evidence: state.evidence.map((e) => ({ ...e })) });
  }

  get snapshot(): Readonly<CreditRepairState> {
    return this.state;
  }

  /** Approves or refuses, once. An approval names the record it repairs and announces the repair. */
  decide(input: DecideRepairInput, now: Date): { transition: Transition; recordRepaired: RecordRepaired | null } {
    const s = this.state;
    if (s.status !== 'pending') throw new RuleViolation(`credit repair ${s.id} is already ${s.status}`, 'state');
    if (!notBlank(input.reason)) throw new RuleViolation('reason must say why the repair is approved or refused', 'rule');
    this.state = { ...s, status: input.decision, decisionReason: input.reason.trim(), decidedAt: now, decidedBy: input.decidedBy };
    const before = { status: s.status };
    const after = { status: input.decision, recordId: s.recordId, uscc: s.uscc };
    if (input.decision === 'refused') return { transition: { action: 'credit-repair.refused', before, after, events: [] }, recordRepaired: null };
    const repaired: CreditRecordRepairedV1 = {
      repairId: s.id,
      recordId: s.recordId,
      uscc: s.uscc,
      recordDecidedOn: s.recordDecidedOn,
      appliedAt: s.appliedAt.toISOString(),
      repairedAt: now.toISOString(),
    };
    return {
      transition: {
        action: 'credit-repair.approved',
        before,
        after: { ...after, repairedAt: now.toISOString() },
        // keyed by USCC like every credit event, so a consumer sees one subject's changes in order
        events: [{ type: CreditEventTypes.recordRepaired, subject: s.uscc, data: repaired }],
      },
      recordRepaired: { recordId: s.recordId, repairedAt: now },
    };
  }
}
