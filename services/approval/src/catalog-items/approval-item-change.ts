import type { ApprovalItemSnapshot, CatalogItemChangedV1 } from '@cityworks/contracts';
import { PermanentEventError } from '@cityworks/messaging';

/** The change of one approval-item version, as approval keeps it. */
export interface ApprovalItemVersionChange {
  snapshot: ApprovalItemSnapshot;
  retired: boolean;
  withdrawn: boolean;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isDays = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= 365;

/**
 * What a catalog.item-changed.v1 of an approval item must carry before approval keeps the
 * version: the version itself (events published before v1 carried it have none), about the
 * item, list and version the event names, with the statutory facts an application takes from
 * it. Retrying cannot fix a bad one, so it is a {@link PermanentEventError} (parked).
 */
export function approvalItemVersionChange(data: CatalogItemChangedV1): ApprovalItemVersionChange {
  const name = `catalog.item-changed.v1 of approval item ${data.code} version ${data.version} in ${data.regionCode}`;
  const snapshot = data.snapshot as Partial<ApprovalItemSnapshot> | undefined;
  if (!snapshot || typeof snapshot !== 'object') {
    throw new PermanentEventError(`${name} carries no snapshot of the version (published before the event carried it); approval cannot keep a copy of it`);
  }
  if (snapshot.code !== data.code || snapshot.regionCode !== data.regionCode || snapshot.version !== data.version) {
    throw new PermanentEventError(`${name} carries the snapshot of ${snapshot.code} version ${snapshot.version} in ${snapshot.regionCode}, another version`);
  }
  const wrong: string[] = [];
  if (!isDate(snapshot.effectiveFrom)) wrong.push('effectiveFrom (YYYY-MM-DD)');
  if (!isText(snapshot.departmentCode)) wrong.push('departmentCode');
  if (!isText(snapshot.supervisingDepartmentCode)) wrong.push('supervisingDepartmentCode');
  if (!isDays(snapshot.timeLimitWorkingDays, 0)) wrong.push('timeLimitWorkingDays (0–365)');
  if (!Array.isArray(snapshot.allowedClockStops)) wrong.push('allowedClockStops');
  if (typeof snapshot.commitmentAllowed !== 'boolean') wrong.push('commitmentAllowed');
  if (snapshot.commitmentAllowed && !isDays(snapshot.commitmentVerificationWorkingDays, 1)) wrong.push('commitmentVerificationWorkingDays (1–365)');
  if (!isDays(snapshot.supervisionFeedbackWorkingDays, 1)) wrong.push('supervisionFeedbackWorkingDays (1–365)');
  if (typeof snapshot.retired !== 'boolean') wrong.push('retired');
  if (wrong.length) throw new PermanentEventError(`${name}: the snapshot lacks or breaks ${wrong.join(', ')}`);
  return {
    snapshot: snapshot as ApprovalItemSnapshot,
    retired: data.change === 'retired' || snapshot.retired === true,
    withdrawn: data.change === 'withdrawn',
  };
}
