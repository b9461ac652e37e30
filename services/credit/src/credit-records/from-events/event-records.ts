import { chinaDateOf, isIsoDate } from '@cityworks/calendar';
import type { ComplaintUpheldV1, CreditSeverity, IntegrationEvent, SupervisionCheckRecordedV1, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { CreditSeverities } from '@cityworks/contracts';
import { PermanentEventError } from '@cityworks/messaging';
import { isValidUscc } from '@cityworks/platform';
import { lastDayAfterMonths, RecordFromEvent } from './commitment-records';

/** How long a 失信 record from a penalty, an inspection or a complaint counts, in months by severity (the rule set's recordMonths). */
export type RecordMonthsBySeverity = Record<CreditSeverity, number>;

function required<T extends object>(event: IntegrationEvent<T>, fields: (keyof T)[]): T {
  const data = event.data as Partial<T> | undefined;
  const missing = fields.filter((f) => typeof data?.[f] !== 'string' || !(data[f] as string));
  if (missing.length) throw new PermanentEventError(`${event.type} ${event.id} lacks ${missing.join(', ')}`);
  return data as T;
}

/** A record needs a subject a register can name: a malformed 统一社会信用代码 parks the event. */
function validUscc(event: IntegrationEvent<unknown>, uscc: string): string {
  if (!isValidUscc(uscc)) throw new PermanentEventError(`${event.type} ${event.id}: "${uscc}" is not a valid 统一社会信用代码`);
  return uscc;
}

/** The China day of an instant the event carries; a value that is no instant parks the event. */
function chinaDayOf(event: IntegrationEvent<unknown>, field: string, value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new PermanentEventError(`${event.type} ${event.id}: ${field} "${value}" is not an instant`);
  return chinaDateOf(at);
}

/**
 * 行政处罚 → 失信 of the severity the deciding department gave it (一般 / 较重 / 严重), counted
 * from the decision date. The 决定书文号 is the record's source reference.
 */
export function penaltyRecord(event: IntegrationEvent<SupervisionPenaltyDecidedV1>, months: RecordMonthsBySeverity): RecordFromEvent {
  const data = required(event, [
    'actionId',
    'documentNumber',
    'subjectUscc',
    'subjectName',
    'departmentCode',
    'decisionDate',
    'decidedAt',
    'severity',
    'violationType',
  ]);
  chinaDayOf(event, 'decidedAt', data.decidedAt);
  if (!CreditSeverities.includes(data.severity)) throw new PermanentEventError(`${event.type} ${event.id} names an unknown severity ${data.severity}`);
  if (!isIsoDate(data.decisionDate)) throw new PermanentEventError(`${event.type} ${event.id}: decisionDate "${data.decisionDate}" is not YYYY-MM-DD`);
  return {
    uscc: validUscc(event, data.subjectUscc),
    kind: 'bad',
    severity: data.severity,
    sourceType: 'supervision',
    sourceDepartmentCode: data.departmentCode,
    sourceRef: data.documentNumber,
    sourceEventId: event.id,
    reason: `行政处罚（${data.documentNumber}）：${data.violationType}`,
    decidedOn: data.decisionDate,
    expiresOn: lastDayAfterMonths(data.decisionDate, months[data.severity]),
  };
}

/**
 * 行政检查 that found a violation (发现违法违规，移交处罚) → a 一般 失信; other results make no
 * record (null). The penalty that may follow is its own, heavier record.
 */
export function checkRecord(event: IntegrationEvent<SupervisionCheckRecordedV1>, months: RecordMonthsBySeverity): RecordFromEvent | null {
  if (event.data?.result !== 'violation-found') return null;
  const data = required(event, ['actionId', 'subjectUscc', 'departmentCode', 'checkedAt', 'supervisionItemCode']);
  const decidedOn = chinaDayOf(event, 'checkedAt', data.checkedAt);
  return {
    uscc: validUscc(event, data.subjectUscc),
    kind: 'bad',
    severity: 'minor',
    sourceType: 'supervision',
    sourceDepartmentCode: data.departmentCode,
    sourceRef: `check:${data.actionId}`,
    sourceEventId: event.id,
    reason: `行政检查发现违法违规（监管事项 ${data.supervisionItemCode}）`,
    decidedOn,
    expiresOn: lastDayAfterMonths(decidedOn, months.minor),
  };
}

/** 投诉举报属实 against a named subject → a 一般 失信; a complaint naming no subject makes none (null). */
export function upheldComplaintRecord(event: IntegrationEvent<ComplaintUpheldV1>, months: RecordMonthsBySeverity): RecordFromEvent | null {
  if (!event.data?.subjectUscc) return null;
  const data = required(event, ['complaintId', 'departmentCode', 'upheldAt', 'category']);
  const decidedOn = chinaDayOf(event, 'upheldAt', data.upheldAt);
  return {
    uscc: validUscc(event, event.data.subjectUscc),
    kind: 'bad',
    severity: 'minor',
    sourceType: 'complaint',
    sourceDepartmentCode: data.departmentCode,
    sourceRef: data.complaintId,
    sourceEventId: event.id,
    reason: `投诉举报经查属实（${data.category}）`,
    decidedOn,
    expiresOn: lastDayAfterMonths(decidedOn, months.minor),
  };
}
