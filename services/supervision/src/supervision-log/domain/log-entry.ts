import { RuleViolation, Transition } from '@cityworks/platform';

/** 检查环节: the steps of a check as Cangzhou's 监管日志 and Xi'an's 全过程记录 name them */
export const LogSteps = [
  /** 登记检查 (written by the service when the action is recorded) */
  'registered',
  /** 出示执法证件、告知 */
  'credentials-shown',
  /** 进入现场 */
  'site-entered',
  /** 现场查验 */
  'inspected',
  /** 调查取证 */
  'evidence-collected',
  /** 询问 */
  'interviewed',
  /** 制作检查笔录、当事人签字 */
  'record-made',
  /** 责令整改 */
  'rectification-ordered',
  /** 上报结果 (written by the service when the action is reported) */
  'reported',
  /** 其他 (a note says what) */
  'other',
] as const;
export type LogStep = (typeof LogSteps)[number];

/** the steps the service writes itself; a person cannot claim them */
export const SYSTEM_STEPS: readonly LogStep[] = ['registered', 'reported'];

/** A file kept elsewhere, named and fingerprinted so it can be shown to be the one logged. */
export interface AttachmentReference {
  name: string;
  /** SHA-256 of the content, 64 lowercase hex digits */
  sha256: string;
  sizeBytes: number;
}

export interface LogEntry {
  id: string;
  actionId: string;
  seq: number;
  step: LogStep;
  /** when the step happened */
  at: Date;
  note: string | null;
  actorUserId: string;
  actorDepartmentCode: string | null;
  attachments: AttachmentReference[];
  recordedAt: Date;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * One step appended to an action's 监管日志. Entries are never changed: a correction is a new
 * entry saying so. Rules: a step is not recorded before it happened, `other` says what it was,
 * an attachment names its file, its SHA-256 and its size, once.
 */
export function appendLogEntry(entry: Omit<LogEntry, 'note'> & { note: string | null }, now: Date): { entry: LogEntry; transition: Transition } {
  if (entry.at.getTime() > now.getTime()) throw new RuleViolation('at must not be in the future: a step is logged once taken', 'rule');
  const note = entry.note?.trim() || null;
  if (entry.step === 'other' && !note) throw new RuleViolation('note must say what the step was when step is other', 'rule');
  for (const a of entry.attachments) {
    if (!a.name.trim()) throw new RuleViolation('attachments[].name must not be blank', 'rule');
    if (!SHA256_HEX.test(a.sha256)) throw new RuleViolation('attachments[].sha256 must be 64 lowercase hex digits', 'rule');
    if (!Number.isSafeInteger(a.sizeBytes) || a.sizeBytes < 0) throw new RuleViolation('attachments[].sizeBytes must be a whole number ≥ 0', 'rule');
  }
  const hashes = entry.attachments.map((a) => a.sha256);
  if (new Set(hashes).size !== hashes.length) throw new RuleViolation('attachments must not list the same file (SHA-256) twice', 'rule');
  const appended: LogEntry = { ...entry, note, attachments: entry.attachments.map((a) => ({ name: a.name.trim(), sha256: a.sha256, sizeBytes: a.sizeBytes })) };
  return {
    entry: appended,
    transition: {
      action: 'supervision-log.appended',
      before: null,
      after: { seq: appended.seq, step: appended.step, at: appended.at.toISOString(), attachments: appended.attachments.length },
      events: [],
    },
  };
}
