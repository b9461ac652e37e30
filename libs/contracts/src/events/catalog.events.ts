import type { YearArrangementData } from '../activities/catalog.activities';
import type { ApprovalItemSnapshot, SupervisionItemSnapshot } from '../catalog/catalog-items';

/** Event types published by the catalog service on `catalog.events`. */
export const CatalogEventTypes = {
  itemChanged: 'catalog.item-changed.v1',
  stageTemplateChanged: 'catalog.stage-template-changed.v1',
  calendarArrangementLoaded: 'catalog.calendar-arrangement-loaded.v1',
} as const;

export type CatalogItemKind = 'approval-item' | 'supervision-item';
export type CatalogChange = 'published' | 'amended' | 'withdrawn' | 'retired';

/**
 * 动态调整: a version of an item was published, amended or withdrawn before taking effect, or
 * the item was retired. Subject `<kind>:<code>`, so one item's events stay in order.
 */
export interface CatalogItemChangedV1 {
  kind: CatalogItemKind;
  code: string;
  name: string;
  regionCode: string;
  version: number;
  effectiveFrom: string;
  change: CatalogChange;
  /** fields that differ from the previous version (all of them for a first version) */
  changedFields: string[];
  /** lower lists (区县) now flagged "needs adjustment" because they follow an older version */
  flaggedRegionCodes: string[];
  occurredAt: string;
  /**
   * the version as published or amended (for `withdrawn`, the version withdrawn; for `retired`,
   * the retiring version), as the catalog's `getApprovalItem` activity answers it: an
   * {@link ApprovalItemSnapshot} for kind `approval-item`, a {@link SupervisionItemSnapshot}
   * for `supervision-item`. Absent for events published before v1 carried it.
   */
  snapshot?: ApprovalItemSnapshot | SupervisionItemSnapshot;
}

export interface StageTemplateChangedV1 {
  projectType: string;
  regionCode: string;
  version: number;
  effectiveFrom: string;
  change: CatalogChange;
  occurredAt: string;
}

/**
 * A year's official holiday arrangement took effect: loaded by one reform-office user and
 * confirmed by a second (四眼原则), or an earlier revision restored the same way. It wins over
 * the library and the statutory fallback and replaces whatever arrangement of `year` was in
 * force: services keeping their own WorkingDayCalendar replace their copy of `year` with
 * `arrangement` (only for a higher `revision` than the one they hold) and recompute every open
 * deadline whose counting span touches `year`, provisional or not.
 */
export interface CalendarArrangementLoadedV1 {
  year: number;
  /** 1 for the first confirmed arrangement of a year, +1 for every confirmed change, a restore included: never reused, so a higher one is newer */
  revision: number;
  arrangement: YearArrangementData;
  /** the year had no official arrangement before: deadlines across it were provisional */
  replacedFallback: boolean;
  /** 国办发明电 … the notice it comes from */
  sourceDocument: string | null;
  /** when it took effect (was confirmed) */
  loadedAt: string;
  /** a restore: the earlier revision whose days `arrangement` brings back (absent or null otherwise) */
  restoredFromRevision?: number | null;
}
