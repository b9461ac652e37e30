import type { ApprovalItemCategory, ApprovalStage, ClockStopReason, ProjectType, RiskLevel, SupervisionMeasure, SupervisionMode } from './catalog-vocabulary';
import type { ProjectFacts, StageCondition } from './project-facts';

/** Where a version sits in its item's timeline, seen from today. */
export type VersionStatus = 'pending' | 'effective' | 'superseded';

/** What every published version carries, whatever it lists. */
export interface VersionMeta {
  code: string;
  /** the list it belongs to: a city's, a district's … */
  regionCode: string;
  version: number;
  /** YYYY-MM-DD, China calendar; immutable from this day on */
  effectiveFrom: string;
  /** the upper list's version of the same item this one follows (区县 following 市) */
  followsVersion: number | null;
  /** 事项取消: from effectiveFrom on the item no longer applies */
  retired: boolean;
  changeNote: string | null;
  publishedAt: string;
}

/** 审批事项, one version: what the approval service and the workflows need to run it. */
export interface ApprovalItemSnapshot extends VersionMeta {
  name: string;
  category: ApprovalItemCategory;
  stage: ApprovalStage;
  /** 实施部门 */
  departmentCode: string;
  /** 监管部门 */
  supervisingDepartmentCode: string;
  supervisionMode: SupervisionMode;
  /** 设定依据 */
  legalBasis: string;
  materials: string[];
  intermediaryServiceRequired: boolean;
  technicalReviewRequired: boolean;
  expertReviewRequired: boolean;
  siteSurveyRequired: boolean;
  /** statutory limit in working days, the start day not counted */
  timeLimitWorkingDays: number;
  /** the only clock-stops an application of this item may take */
  allowedClockStops: ClockStopReason[];
  /** 告知承诺制 */
  commitmentAllowed: boolean;
  /** working days the supervising department has to verify a commitment */
  commitmentVerificationWorkingDays: number | null;
  /** working days the supervising department has to act on a pushed decision (审管联动) */
  supervisionFeedbackWorkingDays: number;
  /** escalation ladder: 预警 this many working days before the deadline */
  warningLeadWorkingDays: number;
  /** 提醒函 at the deadline grants this many working days */
  reminderGraceWorkingDays: number;
  /** 督办函 grants this many working days before the 通报 */
  escalationGraceWorkingDays: number;
}

/** 监管事项, one version. */
export interface SupervisionItemSnapshot extends VersionMeta {
  name: string;
  departmentCode: string;
  /** 监管对象 */
  subject: string;
  measures: SupervisionMeasure[];
  legalBasis: string;
  /** 双随机 抽查比例, 0–1 */
  randomCheckRatio: number;
  /** 抽查频次 per year */
  checksPerYear: number;
  riskLevel: RiskLevel;
  /** the approval items whose results this item supervises */
  approvalItemCodes: string[];
}

export interface StageTemplateEntry {
  stage: ApprovalStage;
  itemCode: string;
  /** absent: always required */
  condition?: StageCondition;
  note?: string;
}

/** Which items a project of one type needs in each stage (query input). */
export interface RequiredItemsQuery {
  projectType: ProjectType;
  /** the project's region; templates and items are inherited from the lists above it */
  regionCode: string;
  /** absent: all stages */
  stage?: ApprovalStage;
  /** YYYY-MM-DD; absent: today (China) */
  asOf?: string;
  facts: ProjectFacts;
}

export interface RequiredItem {
  stage: ApprovalStage;
  itemCode: string;
  note: string | null;
  item: ApprovalItemSnapshot;
}

export interface RequiredItemsResult {
  projectType: ProjectType;
  regionCode: string;
  asOf: string;
  template: { regionCode: string; version: number; effectiveFrom: string };
  /** needed: unconditional, or the condition holds for the facts given */
  items: RequiredItem[];
  /** the condition depends on facts not given: ask the applicant, then query again */
  undetermined: (RequiredItem & { missingFacts: string[] })[];
  /** listed by the template but not in force in the catalog on asOf (e.g. 事项取消) */
  unavailable: { stage: ApprovalStage; itemCode: string }[];
}
