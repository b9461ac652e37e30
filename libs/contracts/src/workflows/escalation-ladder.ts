/**
 * The escalation ladder (预警 → 提醒函 → 督办函 → 通报), one rule for every obligation with a
 * deadline. It runs inside the obligation's own workflow (workflows/src/escalation-ladder) and
 * fires each rung through supervision's activities, each claimed once by its key.
 */
export const ObligationKinds = [
  'application',
  'commitment-verification',
  /** 复核: the approving department reviews a decision whose commitment proved untrue (函告审批部门复核) */
  'commitment-review',
  'supervision-feedback',
  'complaint',
  'publication',
  'letter-reply',
  /** 监管行为 not reported (上传) within its reporting period */
  'action-report',
  /** 风险预警, 专项检查 or 告知其他机关 task not fed back in time */
  'inspection-feedback',
  /** 双随机 checks whose results are not all in by the campaign's results deadline */
  'campaign-results',
] as const;
export type ObligationKind = (typeof ObligationKinds)[number];

/** The rungs in order; `none` before the first fires. */
export const LadderRungs = ['none', '预警', '提醒函', '督办函', '通报'] as const;
export type LadderRung = (typeof LadderRungs)[number];

/** What the ladder needs to know of an obligation; the deadline itself comes from the host workflow. */
export interface Obligation {
  kind: ObligationKind;
  /** the obligation's own id (application id, supervision task id …) */
  id: string;
  /** the responsible unit: the letters go to it */
  departmentCode: string;
  regionCode: string;
  projectCode: string | null;
  itemCode: string | null;
  /** what the obligation is, as a letter names it, e.g. 项目 X「建筑工程施工许可证核发」办件 */
  title: string;
  /** what the unit must do, e.g. 作出审批决定并办结 */
  demandedAction: string;
  /** 预警 this many working days before the deadline (0: no warning) */
  warningLeadWorkingDays: number;
  /** a 提醒函 grants this many working days */
  reminderGraceWorkingDays: number;
  /** a 督办函 grants this many working days before the 通报 */
  escalationGraceWorkingDays: number;
}

export type LetterKind = '提醒函' | '督办函';

/** The ladder's settings of an obligation, from its catalog item (an application's) or its rules. */
export type LadderTerms = Pick<Obligation, 'title' | 'demandedAction' | 'warningLeadWorkingDays' | 'reminderGraceWorkingDays' | 'escalationGraceWorkingDays'>;

/** One rung as it fired: the unique claim it was recorded under, and the letter if it issued one. */
export interface RungFired {
  rung: Exclude<LadderRung, 'none'>;
  claimKey: string;
  firedAt: string;
  /** the deadline the rung was measured against */
  dueAt: string;
  letter?: { letterId: string; number: string; replyDueAt: string };
}

export interface LadderState {
  rung: LadderRung;
  fired: RungFired[];
  /** why the ladder stopped short (e.g. no letter office for the region); null while it runs or when it finished */
  problem?: string | null;
}
