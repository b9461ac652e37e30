import { CheckResult, SupervisionCampaignPublishedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';
import type { RiskLevel } from '../../subjects/domain/subject';
import { DrawResult, DrawShortfall, GradeWeights, RiskWeights, seedCommitment } from '../draw';

/** announced (seed committed) → checking (drawn, checks assigned) → results-in → published (一公开). */
export type CampaignStatus = 'announced' | 'checking' | 'results-in' | 'published';

/** Which subjects a campaign draws from: the 监管对象库 filtered by region, industry and risk. */
export interface CampaignScope {
  /** 监管事项编码 the checks cover */
  supervisionItemCodes: string[];
  regionCodes: string[];
  /** empty: every industry */
  industries: string[];
  /** empty: every risk level */
  riskLevels: RiskLevel[];
}

export interface CampaignState {
  id: string;
  title: string;
  /** the organizing department: results and publication are its obligations */
  departmentCode: string;
  regionCode: string;
  /** every department checking at each visit, the organizer first (部门联合抽查 when more than one) */
  participatingDepartmentCodes: string[];
  scope: CampaignScope;
  baseRatio: number;
  gradeWeights: GradeWeights;
  riskWeights: RiskWeights;
  inspectorsPerCheck: number;
  expertRequired: boolean;
  /** 回避: a member who inspected a subject within this many days is not drawn for it again */
  recusalPeriodDays: number;
  resultsWorkingDays: number;
  publicationWorkingDays: number;
  status: CampaignStatus;
  /** secret until publication; only its SHA-256 is shown before */
  seed: string;
  seedCommitment: string;
  announcedAt: Date;
  announcedBy: string;
  drawnAt: Date | null;
  resultsDueAt: Date | null;
  publishDueAt: Date | null;
  population: number | null;
  expectedSize: number | null;
  visitCount: number;
  checkCount: number;
  checksRecorded: number;
  shortfalls: DrawShortfall[];
  resultsInAt: Date | null;
  publishedAt: Date | null;
  workflowId: string;
}

export type CampaignPlan = Omit<
  CampaignState,
  | 'status'
  | 'seed'
  | 'seedCommitment'
  | 'announcedAt'
  | 'drawnAt'
  | 'resultsDueAt'
  | 'publishDueAt'
  | 'population'
  | 'expectedSize'
  | 'visitCount'
  | 'checkCount'
  | 'checksRecorded'
  | 'shortfalls'
  | 'resultsInAt'
  | 'publishedAt'
>;

/** One department's check at a visit: its inspectors, and its own result once recorded. */
export interface CheckSlot {
  departmentCode: string;
  inspectorIds: string[];
  result: CheckResult | null;
  actionId: string | null;
  checkedAt: Date | null;
  recordedAt: Date | null;
}

/** One subject drawn: one visit, one team, one check slot per participating department (进一门查多项). */
export interface CampaignVisit {
  campaignId: string;
  uscc: string;
  /**
   * The physical visit this check belongs to: its own (`<campaignId>:<uscc>`) or, when another
   * department's campaign of the same period drew the same subject first and has not been there
   * yet, that visit's — one trip, one team, each department recording its own result.
   */
  visitGroup: string;
  inclusionProbability: number;
  u: number;
  expertIds: string[];
  checks: CheckSlot[];
}

/**
 * A 双随机 campaign (抽查计划/任务). Its rules are here; the draw itself is ../draw (pure), the
 * waiting and escalating the campaign's workflow.
 */
export class Campaign {
  private constructor(private state: CampaignState) {}

  /** 公布抽查计划: the seed is fixed now and only its SHA-256 is shown until the results are published. */
  static announce(plan: CampaignPlan, seed: string, now: Date): { campaign: Campaign; transition: Transition } {
    if (!plan.participatingDepartmentCodes.includes(plan.departmentCode))
      throw new RuleViolation('participatingDepartmentCodes must include the organizing department', 'rule');
    const campaign = new Campaign({
      ...plan,
      status: 'announced',
      seed,
      seedCommitment: seedCommitment(seed),
      announcedAt: now,
      drawnAt: null,
      resultsDueAt: null,
      publishDueAt: null,
      population: null,
      expectedSize: null,
      visitCount: 0,
      checkCount: 0,
      checksRecorded: 0,
      shortfalls: [],
      resultsInAt: null,
      publishedAt: null,
    });
    return {
      campaign,
      transition: {
        action: 'campaign.announced',
        before: null,
        after: { status: 'announced', seedCommitment: campaign.state.seedCommitment, participatingDepartmentCodes: plan.participatingDepartmentCodes },
        events: [],
      },
    };
  }

  static restore(state: CampaignState): Campaign {
    return new Campaign({ ...state });
  }

  get snapshot(): Readonly<CampaignState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * The draw made with the committed seed: the visits to make, and the deadlines from now.
   * `openVisitOf` names, per subject, another campaign's visit of the same period not made yet
   * (部门联合抽查 across campaigns): the subject's check joins it instead of a trip of its own. It
   * changes only who travels together, never who was drawn.
   */
  recordDraw(
    draw: DrawResult,
    deadlines: { resultsDueAt: Date; publishDueAt: Date },
    openVisitOf: ReadonlyMap<string, string>,
    now: Date,
  ): { visits: CampaignVisit[]; transition: Transition } {
    const s = this.state;
    if (s.status !== 'announced') throw new RuleViolation(`campaign ${s.id} was drawn already`);
    if (draw.seedCommitment !== s.seedCommitment) throw new RuleViolation(`the draw of campaign ${s.id} was not made with its committed seed`, 'rule');
    const visits: CampaignVisit[] = draw.visits.map((v) => ({
      campaignId: s.id,
      uscc: v.uscc,
      visitGroup: openVisitOf.get(v.uscc) ?? `${s.id}:${v.uscc}`,
      inclusionProbability: v.inclusionProbability,
      u: v.u,
      expertIds: v.expertIds,
      checks: v.checks.map((c) => ({ ...c, result: null, actionId: null, checkedAt: null, recordedAt: null })),
    }));
    const checkCount = visits.reduce((n, v) => n + v.checks.length, 0);
    this.state = {
      ...s,
      status: checkCount === 0 ? 'results-in' : 'checking',
      drawnAt: now,
      resultsDueAt: deadlines.resultsDueAt,
      publishDueAt: deadlines.publishDueAt,
      population: draw.population,
      expectedSize: draw.expectedSize,
      visitCount: visits.length,
      checkCount,
      shortfalls: draw.shortfalls,
      resultsInAt: checkCount === 0 ? now : null,
    };
    return {
      visits,
      transition: {
        action: 'campaign.drawn',
        before: { status: 'announced' },
        after: {
          status: this.state.status,
          population: draw.population,
          expectedSize: draw.expectedSize,
          visits: visits.length,
          joinedOtherVisits: visits.filter((v) => !v.visitGroup.startsWith(`${s.id}:`)).length,
          checks: checkCount,
          shortfalls: draw.shortfalls.length,
          resultsDueAt: deadlines.resultsDueAt.toISOString(),
          publishDueAt: deadlines.publishDueAt.toISOString(),
        },
        events: [],
      },
    };
  }

  /**
   * A department's 行政检查 at a drawn subject was recorded (supervision.check-recorded.v1 with this
   * campaign's id). Its slot takes the first result; a second check by the same department
   * changes nothing. Returns null when nothing changed.
   */
  recordCheckResult(
    visit: CampaignVisit,
    check: { departmentCode: string; result: CheckResult; actionId: string; checkedAt: Date },
    now: Date,
  ): { visit: CampaignVisit; transition: Transition } | null {
    const s = this.state;
    if (s.status === 'announced') return null;
    const slot = visit.checks.find((c) => c.departmentCode === check.departmentCode);
    if (!slot || slot.result !== null) return null;
    const next: CampaignVisit = {
      ...visit,
      checks: visit.checks.map((c) => (c === slot ? { ...c, result: check.result, actionId: check.actionId, checkedAt: check.checkedAt, recordedAt: now } : c)),
    };
    const checksRecorded = s.checksRecorded + 1;
    const allIn = checksRecorded === s.checkCount;
    this.state = { ...s, checksRecorded, ...(allIn && s.status === 'checking' ? { status: 'results-in' as const, resultsInAt: now } : {}) };
    return {
      visit: next,
      transition: {
        action: 'campaign.check-result-recorded',
        before: { checksRecorded: s.checksRecorded },
        after: {
          uscc: visit.uscc,
          departmentCode: check.departmentCode,
          result: check.result,
          actionId: check.actionId,
          checksRecorded,
          status: this.state.status,
        },
        events: [],
      },
    };
  }

  /**
   * The deadlines counted again (a holiday arrangement changed): while the campaign is not
   * published, both move — the results deadline only while results are still awaited.
   */
  moveDeadlines(deadlines: { resultsDueAt: Date; publishDueAt: Date }, reason: string): MaybeTransition {
    const s = this.state;
    if (s.status === 'announced' || s.status === 'published') return NO_CHANGE;
    const resultsDueAt = s.status === 'checking' ? deadlines.resultsDueAt : s.resultsDueAt!;
    if (resultsDueAt.getTime() === s.resultsDueAt!.getTime() && deadlines.publishDueAt.getTime() === s.publishDueAt!.getTime()) return NO_CHANGE;
    const before = { resultsDueAt: s.resultsDueAt!.toISOString(), publishDueAt: s.publishDueAt!.toISOString() };
    this.state = { ...s, resultsDueAt, publishDueAt: deadlines.publishDueAt };
    return {
      action: 'campaign.deadlines-recomputed',
      before,
      after: { resultsDueAt: resultsDueAt.toISOString(), publishDueAt: deadlines.publishDueAt.toISOString(), reason },
      events: [],
    };
  }

  /** 一公开: the draw, the seed and the results made public by the organizing department, once every result is in. */
  publish(now: Date): Transition {
    const s = this.state;
    if (s.status === 'published') throw new RuleViolation(`campaign ${s.id} was published on ${s.publishedAt!.toISOString()}`);
    if (s.status !== 'results-in')
      throw new RuleViolation(
        s.status === 'announced'
          ? `campaign ${s.id} has not been drawn yet`
          : `campaign ${s.id} still waits for ${s.checkCount - s.checksRecorded} of ${s.checkCount} check results`,
      );
    this.state = { ...s, status: 'published', publishedAt: now };
    const published: SupervisionCampaignPublishedV1 = {
      campaignId: s.id,
      departmentCode: s.departmentCode,
      seed: s.seed,
      subjectsDrawn: s.visitCount,
      publishedAt: now.toISOString(),
      publishDueAt: s.publishDueAt!.toISOString(),
      onTime: now.getTime() <= s.publishDueAt!.getTime(),
    };
    return {
      action: 'campaign.published',
      before: { status: 'results-in' },
      after: { status: 'published', seed: s.seed, onTime: published.onTime },
      events: [{ type: SupervisionEventTypes.campaignPublished, subject: s.id, data: published }],
    };
  }
}
