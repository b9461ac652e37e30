import { chinaDateOf } from '@cityworks/calendar';
import type { ApprovalDecision, ApprovalItemSnapshot, ClockStopReason } from '@cityworks/contracts';
import { RowError, RuleViolation, Transition } from '@cityworks/platform';
import { AcceptApplication, Application } from '../domain/application';

/**
 * 迁移: an application (办件) of the old system brought over with its real history — accepted,
 * its clock stopped and resumed, decided. It is held to the rules 受理 and 暂停计时 would have
 * held it to on the day it happened (the catalog item version in force on its acceptance date),
 * and to the order of its own timeline; every broken rule is named by row, column and rule, so
 * a refused file can be corrected in one go. Pure: the item version and "now" are parameters.
 */

/** One row of the file as read and shaped (historical-file.ts); instants as the file wrote them. */
export interface HistoricalRow {
  sourceRef: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  regionCode: string;
  ownerUscc: string;
  onCommitment?: boolean | null;
  acceptedAt: string;
  clockStops?: { reason: ClockStopReason; from: string; to: string }[] | null;
  decidedAt: string;
  decision: ApprovalDecision;
  decisionReason?: string | null;
}

export interface HistoricalClockStop {
  reason: ClockStopReason;
  from: Date;
  to: Date;
}

export interface HistoricalApplication {
  /** the row of the file (spreadsheet row, or position in the JSON array) */
  row: number;
  /** the column titles the file used, so a refusal names a column as the file wrote it */
  titles: Record<string, string>;
  /** 原办件编号 */
  sourceRef: string;
  /** what the desk took at 受理 */
  accepted: AcceptApplication;
  acceptedAt: Date;
  /** 暂停计时, in the order the file lists them */
  clockStops: HistoricalClockStop[];
  decidedAt: Date;
  decision: ApprovalDecision;
  decisionReason: string | null;
}

export function historicalApplicationOf(row: number, titles: Record<string, string>, dto: HistoricalRow): HistoricalApplication {
  return {
    row,
    titles,
    sourceRef: dto.sourceRef,
    accepted: {
      projectCode: dto.projectCode,
      itemCode: dto.itemCode,
      departmentCode: dto.departmentCode,
      regionCode: dto.regionCode,
      ownerUscc: dto.ownerUscc,
      onCommitment: dto.onCommitment ?? false,
    },
    acceptedAt: new Date(dto.acceptedAt),
    clockStops: (dto.clockStops ?? []).map((stop) => ({ reason: stop.reason, from: new Date(stop.from), to: new Date(stop.to) })),
    decidedAt: new Date(dto.decidedAt),
    decision: dto.decision,
    decisionReason: dto.decisionReason?.trim() ? dto.decisionReason : null,
  };
}

function refusal(h: HistoricalApplication, field: string, rule: string, message: string): RowError {
  const top = field.split('.')[0];
  return { row: h.row, column: h.titles[top] ?? top, field, rules: { [rule]: message } };
}

const iso = (instant: Date) => instant.toISOString();

/**
 * The timeline must have happened, in order: accepted ≤ each clock-stop (from ≤ to, listed in
 * order, none starting before the previous one ended) ≤ decided ≤ now.
 */
export function timelineRefusals(h: HistoricalApplication, now: Date): RowError[] {
  const found: RowError[] = [];
  if (h.acceptedAt > now) found.push(refusal(h, 'acceptedAt', 'notInFuture', `acceptedAt ${iso(h.acceptedAt)} is in the future`));
  if (h.decidedAt > now) found.push(refusal(h, 'decidedAt', 'notInFuture', `decidedAt ${iso(h.decidedAt)} is in the future`));
  if (h.decidedAt < h.acceptedAt)
    found.push(refusal(h, 'decidedAt', 'notBeforeAcceptance', `decidedAt ${iso(h.decidedAt)} is before acceptedAt ${iso(h.acceptedAt)}`));
  h.clockStops.forEach((stop, i) => {
    const at = `clockStops.${i}`;
    const name = `clock-stop ${i + 1}`;
    if (stop.from < h.acceptedAt)
      found.push(refusal(h, `${at}.from`, 'notBeforeAcceptance', `${name} starts at ${iso(stop.from)}, before acceptedAt ${iso(h.acceptedAt)}`));
    if (stop.to < stop.from) found.push(refusal(h, `${at}.to`, 'notBeforeFrom', `${name} ends at ${iso(stop.to)}, before it starts at ${iso(stop.from)}`));
    const previous = h.clockStops[i - 1];
    // the clock stops once at a time (an open stop must end before the next): listed in order, none overlapping
    if (previous && stop.from < previous.to)
      found.push(
        refusal(
          h,
          `${at}.from`,
          'notOverlapping',
          `${name} starts at ${iso(stop.from)}, before clock-stop ${i} ended at ${iso(previous.to)}; list the stops in order`,
        ),
      );
    if (stop.to > h.decidedAt) found.push(refusal(h, `${at}.to`, 'notAfterDecision', `${name} ends at ${iso(stop.to)}, after decidedAt ${iso(h.decidedAt)}`));
  });
  return found;
}

/**
 * The rules of 受理 and 暂停计时 under the item version in force on the acceptance date: the item
 * is in the region's list (审批事项清单), the department implements it, it allows 告知承诺 when the
 * application was on commitment, and it allows the reason of every clock-stop (不得违规暂停计时).
 */
export function termsRefusals(h: HistoricalApplication, item: ApprovalItemSnapshot | null): RowError[] {
  const a = h.accepted;
  if (!item)
    return [
      refusal(
        h,
        'itemCode',
        'inList',
        `item ${a.itemCode} is not in the approval-item list in force for region ${a.regionCode} on ${chinaDateOf(h.acceptedAt)} (审批事项清单)`,
      ),
    ];
  const found: RowError[] = [];
  if (item.departmentCode !== a.departmentCode)
    found.push(
      refusal(
        h,
        'departmentCode',
        'implementsItem',
        `department ${a.departmentCode} does not implement item ${item.code}: its 实施部门 is ${item.departmentCode} (catalog version ${item.version})`,
      ),
    );
  if (a.onCommitment && !item.commitmentAllowed)
    found.push(
      refusal(
        h,
        'onCommitment',
        'commitmentAllowed',
        `item ${item.code} does not allow approval on commitment (告知承诺制) in catalog version ${item.version}`,
      ),
    );
  h.clockStops.forEach((stop, i) => {
    if (!item.allowedClockStops.includes(stop.reason))
      found.push(
        refusal(
          h,
          `clockStops.${i}.reason`,
          'allowedClockStop',
          `reason ${stop.reason} is not a clock-stop item ${item.code} allows in catalog version ${item.version} (allowed: ${item.allowedClockStops.join('、') || 'none'}; 不得违规暂停计时)`,
        ),
      );
  });
  return found;
}

export type HistoricalImport = { refused: RowError[] } | { application: Application; transition: Transition };

/**
 * The application as the old system left it, or every rule it breaks. Accepted through
 * Application.accept (so its terms are recorded exactly as 受理 records them), then restored with
 * its history: the clock-stops, the decision. What 受理 would have published is not: the
 * supervising department was told by the old system, and nothing here is news to anyone.
 */
export function importHistorical(h: HistoricalApplication, item: ApprovalItemSnapshot | null, id: string, now: Date): HistoricalImport {
  const refused = [...termsRefusals(h, item), ...timelineRefusals(h, now)];
  if (refused.length || !item) return { refused };
  let accepted: Application;
  try {
    accepted = Application.accept(h.accepted, item, id, h.acceptedAt).application;
  } catch (e) {
    // a rule of 受理 the checks above do not name (an item version the copy should not hold)
    if (e instanceof RuleViolation) return { refused: [refusal(h, 'itemCode', 'acceptable', e.message)] };
    throw e;
  }
  const application = Application.restore({
    ...accepted.snapshot,
    clockStops: h.clockStops.map((stop) => ({ reason: stop.reason, note: null, from: stop.from, to: stop.to })),
    status: h.decision,
    decidedAt: h.decidedAt,
    decisionReason: h.decisionReason,
  });
  const s = application.snapshot;
  return {
    application,
    transition: {
      action: 'application.imported',
      before: null,
      after: {
        sourceRef: h.sourceRef,
        status: s.status,
        projectCode: s.projectCode,
        itemCode: s.itemCode,
        itemVersion: item.version,
        departmentCode: s.departmentCode,
        timeLimitWorkingDays: item.timeLimitWorkingDays,
        acceptedAt: iso(h.acceptedAt),
        clockStops: h.clockStops.map((stop) => ({ reason: stop.reason, from: iso(stop.from), to: iso(stop.to) })),
        decidedAt: iso(h.decidedAt),
        reason: s.decisionReason,
      },
      events: [],
    },
  };
}

/** A file names each old application once. */
export function repeatedSourceRefs(rows: HistoricalApplication[]): RowError[] {
  const first = new Map<string, number>();
  const found: RowError[] = [];
  for (const h of rows) {
    const seen = first.get(h.sourceRef);
    if (seen === undefined) first.set(h.sourceRef, h.row);
    else found.push(refusal(h, 'sourceRef', 'unique', `sourceRef ${h.sourceRef} is already on row ${seen}`));
  }
  return found;
}

/** An old application imported before is not imported again (sourceRef → the application it became). */
export function alreadyImportedRefusals(rows: HistoricalApplication[], imported: ReadonlyMap<string, string>): RowError[] {
  return rows.flatMap((h) => {
    const id = imported.get(h.sourceRef);
    return id ? [refusal(h, 'sourceRef', 'notImported', `sourceRef ${h.sourceRef} was imported before, as application ${id}`)] : [];
  });
}
