import { addCalendarDays, addCalendarMonths, chinaDateOf } from '@cityworks/calendar';
import type { CommitmentBrokenV1, CommitmentKeptV1, CreditRecordKind, CreditSeverity, CreditSourceType, IntegrationEvent } from '@cityworks/contracts';
import { PermanentEventError } from '@cityworks/messaging';
import { CreditRules, DEFAULT_CREDIT_RULES } from '../../grading/rules/credit-rules';

/** A credit record another service's finding makes, tied to the event that carried it. */
export interface RecordFromEvent {
  uscc: string;
  kind: CreditRecordKind;
  severity: CreditSeverity | null;
  sourceType: CreditSourceType;
  sourceDepartmentCode: string;
  /** what the finding is about: the commitment (告知承诺核查), the 处罚决定书文号, the check, the complaint */
  sourceRef: string;
  sourceEventId: string;
  reason: string;
  decidedOn: string;
  expiresOn: string;
}

/**
 * How long a record counts (有效期), in months from the day of the finding, from the rule set: by
 * default a kept commitment (守信) a year; a serious breach (较重) two years; a false commitment
 * (严重, 联合惩戒) three years.
 */
export type RecordMonths = CreditRules['recordMonths'];

/** The last day a record decided on `date` counts, `months` later: the day before the same day of the month (or the end of a shorter month). */
export function lastDayAfterMonths(date: string, months: number): string {
  return addCalendarDays(addCalendarMonths(date, months), -1);
}

function required<T extends object>(event: IntegrationEvent<T>, fields: (keyof T)[]): T {
  const data = event.data as Partial<T> | undefined;
  const missing = fields.filter((f) => typeof data?.[f] !== 'string' || !(data[f] as string));
  if (missing.length) throw new PermanentEventError(`${event.type} ${event.id} lacks ${missing.join(', ')}`);
  return data as T;
}

/** 守信: the supervising department found the commitment kept. */
export function keptCommitmentRecord(event: IntegrationEvent<CommitmentKeptV1>, months: RecordMonths = DEFAULT_CREDIT_RULES.recordMonths): RecordFromEvent {
  const data = required(event, ['commitmentId', 'ownerUscc', 'supervisingDepartmentCode', 'verifiedAt']);
  const decidedOn = chinaDateOf(new Date(data.verifiedAt));
  return {
    uscc: data.ownerUscc,
    kind: 'good',
    severity: null,
    sourceType: 'commitment',
    sourceDepartmentCode: data.supervisingDepartmentCode,
    sourceRef: data.commitmentId,
    sourceEventId: event.id,
    reason: `告知承诺核查：承诺属实（办件 ${data.applicationId}）`,
    decidedOn,
    expiresOn: lastDayAfterMonths(decidedOn, months.good),
  };
}

/** 失信: a serious breach (较重) or a false commitment (严重). */
export function brokenCommitmentRecord(event: IntegrationEvent<CommitmentBrokenV1>, months: RecordMonths = DEFAULT_CREDIT_RULES.recordMonths): RecordFromEvent {
  const data = required(event, ['commitmentId', 'ownerUscc', 'supervisingDepartmentCode', 'foundAt', 'breach', 'findings']);
  if (data.breach !== 'serious-breach' && data.breach !== 'false-commitment')
    throw new PermanentEventError(`${event.type} ${event.id} names an unknown breach ${data.breach}`);
  const decidedOn = chinaDateOf(new Date(data.foundAt));
  const severity = data.breach === 'false-commitment' ? 'severe' : 'serious';
  return {
    uscc: data.ownerUscc,
    kind: 'bad',
    severity,
    sourceType: 'commitment',
    sourceDepartmentCode: data.supervisingDepartmentCode,
    sourceRef: data.commitmentId,
    sourceEventId: event.id,
    reason: `告知承诺核查不实（${data.breach === 'false-commitment' ? '虚假承诺' : '严重违背承诺'}）：${data.findings}`,
    decidedOn,
    expiresOn: lastDayAfterMonths(decidedOn, months[severity]),
  };
}
