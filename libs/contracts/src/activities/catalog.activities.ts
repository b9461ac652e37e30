import type { LetterOffice } from './escalation.activities';
import type { DepartmentKind } from '../catalog/catalog-vocabulary';
import type { ApprovalItemSnapshot, RequiredItemsQuery, RequiredItemsResult, SupervisionItemSnapshot } from '../catalog/catalog-items';

/** A year's official holiday arrangement, as the calendar lib's YearArrangement. */
export interface YearArrangementData {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

export interface WorkingDayAnswer {
  date: string;
  /** a day on the way had no official arrangement (statutory fallback): recompute once loaded */
  provisional: boolean;
}

export interface CalendarDayAnswer {
  date: string;
  working: boolean;
  name?: string;
  source: 'override' | 'official' | 'fallback';
  provisional: boolean;
}

/** 实施部门 / 监管部门 / 工改办 … as the catalog records it. */
export interface DepartmentSnapshot {
  code: string;
  name: string;
  regionCode: string;
  kind: DepartmentKind;
}

/**
 * Activities the catalog service runs on its own task queue (`catalog`). Reads only; an
 * unknown item, region or template fails without retry (type `NotFound`), bad input too
 * (type `InvalidInput`).
 */
export interface CatalogActivities {
  /** which items a project of this type needs in a stage, with the versions in force */
  requiredItemsForStage(input: RequiredItemsQuery): Promise<RequiredItemsResult>;
  /** the version in force for a region on a date (inherited from the upper list if the region has none) */
  getApprovalItem(input: { code: string; regionCode: string; asOf?: string }): Promise<ApprovalItemSnapshot>;
  getSupervisionItem(input: { code: string; regionCode: string; asOf?: string }): Promise<SupervisionItemSnapshot>;
  /** the Nth working day after `start` (the start day not counted) */
  addWorkingDays(input: { start: string; days: number }): Promise<WorkingDayAnswer>;
  /** the Nth working day before `date` (预警 ahead of a deadline) */
  subtractWorkingDays(input: { date: string; days: number }): Promise<WorkingDayAnswer>;
  /** working days in (from, to] */
  workingDaysBetween(input: { from: string; to: string }): Promise<{ days: number; provisional: boolean }>;
  isWorkingDay(input: { date: string }): Promise<CalendarDayAnswer>;
  /**
   * 发文机关 for a region's escalation letters: the letter office of the nearest 工改办 at or
   * above the region (a district without one has the city's). NotFound when none exists.
   */
  letterOfficeFor(input: { regionCode: string }): Promise<LetterOffice>;
  /** a department as the catalog knows it (a letter's 主送机关 prints its name); NotFound when unknown */
  getDepartment(input: { code: string }): Promise<DepartmentSnapshot>;
  /** end (China time) of the last working day of a limit, pushed back by legal clock-stops */
  dueInstant(input: {
    acceptedAt: string;
    limitDays: number;
    suspendedWorkingDays?: number;
  }): Promise<{ dueAt: string; dueDate: string; provisional: boolean }>;
}
