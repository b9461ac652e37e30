import { ApiProperty } from '@nestjs/swagger';
import { CheckResult, CheckResults } from '@cityworks/contracts';
import { RiskLevels } from '../../subjects/domain/subject';
import type { RiskLevel } from '../../subjects/domain/subject';
import { Campaign, CampaignStatus, CampaignVisit } from '../domain/campaign';
import type { DrawShortfall } from '../draw';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export class CampaignScopeView {
  @ApiProperty({ type: [String] }) supervisionItemCodes: string[];
  @ApiProperty({ type: [String] }) regionCodes: string[];
  @ApiProperty({ type: [String] }) industries: string[];
  @ApiProperty({ type: [String], enum: RiskLevels }) riskLevels: RiskLevel[];
}

export class ShortfallView {
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: ['inspector', 'expert'] }) role: 'inspector' | 'expert';
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty({ type: 'integer' }) needed: number;
  @ApiProperty({ type: 'integer' }) eligible: number;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the organizing department' }) departmentCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: [String], description: 'departments checking at every visit (部门联合抽查 when more than one)' }) participatingDepartmentCodes: string[];
  @ApiProperty({ type: CampaignScopeView }) scope: CampaignScopeView;
  @ApiProperty({ type: Number }) baseRatio: number;
  @ApiProperty({ type: Object, description: 'weight per credit grade (A, B, C, D, ungraded)' }) gradeWeights: Record<string, number>;
  @ApiProperty({ type: Object, description: 'weight per risk level (low, medium, high)' }) riskWeights: Record<string, number>;
  @ApiProperty({ type: 'integer' }) inspectorsPerCheck: number;
  @ApiProperty() expertRequired: boolean;
  @ApiProperty({ type: 'integer' }) recusalPeriodDays: number;
  @ApiProperty({ enum: ['announced', 'checking', 'results-in', 'published'] }) status: CampaignStatus;
  @ApiProperty({ description: 'SHA-256 of the seed, hex, published at announcement' }) seedCommitment: string;
  @ApiProperty({ type: String, nullable: true, description: 'the seed, revealed once the results are published' }) seed: string | null;
  @ApiProperty({ format: 'date-time' }) announcedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) drawnAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resultsDueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishDueAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'subjects in scope at the draw' }) population: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Σ p_i, the expected number drawn' }) expectedSize: number | null;
  @ApiProperty({ type: 'integer' }) visitCount: number;
  @ApiProperty({ type: 'integer' }) checkCount: number;
  @ApiProperty({ type: 'integer' }) checksRecorded: number;
  @ApiProperty({ type: [ShortfallView], description: 'checks the pools could not staff in full' }) shortfalls: DrawShortfall[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resultsInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty() workflowId: string;

  static of(c: Campaign): CampaignView {
    const s = c.snapshot;
    return Object.assign(new CampaignView(), {
      id: s.id,
      title: s.title,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      participatingDepartmentCodes: s.participatingDepartmentCodes,
      scope: s.scope,
      baseRatio: s.baseRatio,
      gradeWeights: s.gradeWeights,
      riskWeights: s.riskWeights,
      inspectorsPerCheck: s.inspectorsPerCheck,
      expertRequired: s.expertRequired,
      recusalPeriodDays: s.recusalPeriodDays,
      status: s.status,
      seedCommitment: s.seedCommitment,
      // 一公开: the seed stays secret until the results are published, so no one can foresee the draw
      seed: s.status === 'published' ? s.seed : null,
      announcedAt: s.announcedAt.toISOString(),
      drawnAt: iso(s.drawnAt),
      resultsDueAt: iso(s.resultsDueAt),
      publishDueAt: iso(s.publishDueAt),
      population: s.population,
      expectedSize: s.expectedSize,
      visitCount: s.visitCount,
      checkCount: s.checkCount,
      checksRecorded: s.checksRecorded,
      shortfalls: s.shortfalls,
      resultsInAt: iso(s.resultsInAt),
      publishedAt: iso(s.publishedAt),
      workflowId: s.workflowId,
    });
  }
}

export class CampaignPageView {
  @ApiProperty({ type: [CampaignView] }) items: CampaignView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}

export class CheckSlotView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: [String], description: 'pool member ids of the department’s inspectors' }) inspectorIds: string[];
  @ApiProperty({ type: String, enum: CheckResults, nullable: true }) result: CheckResult | null;
  @ApiProperty({ type: String, nullable: true, description: 'the 行政检查 record it came from' }) actionId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt: string | null;
}

/** Another department's campaign checking at the same trip (部门联合抽查 across campaigns). */
export class JointCheckView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: [CheckSlotView] }) checks: CheckSlotView[];
  @ApiProperty({ type: [String] }) expertIds: string[];
}

const slotView = (c: CampaignVisit['checks'][number]) =>
  Object.assign(new CheckSlotView(), {
    departmentCode: c.departmentCode,
    inspectorIds: c.inspectorIds,
    result: c.result,
    actionId: c.actionId,
    checkedAt: iso(c.checkedAt),
  });

/** One visit: a drawn subject, one team, each department's own check slot. */
export class CampaignVisitView {
  @ApiProperty() uscc: string;
  @ApiProperty({ description: 'the trip this check is made on: `<campaignId>:<uscc>` of the campaign that drew the subject first in the period' })
  visitGroup: string;
  @ApiProperty({ type: [JointCheckView], description: 'other departments’ campaigns checking the subject at the same trip, one team with this one' })
  jointWith: JointCheckView[];
  @ApiProperty({ type: Number }) inclusionProbability: number;
  @ApiProperty({ type: [String] }) expertIds: string[];
  @ApiProperty({ type: [CheckSlotView] }) checks: CheckSlotView[];

  static of(v: CampaignVisit, sameTrip: CampaignVisit[] = []): CampaignVisitView {
    return Object.assign(new CampaignVisitView(), {
      uscc: v.uscc,
      visitGroup: v.visitGroup,
      jointWith: sameTrip.map((o) => Object.assign(new JointCheckView(), { campaignId: o.campaignId, checks: o.checks.map(slotView), expertIds: o.expertIds })),
      inclusionProbability: v.inclusionProbability,
      expertIds: v.expertIds,
      checks: v.checks.map(slotView),
    });
  }
}

export class CampaignVisitPageView {
  @ApiProperty({ type: [CampaignVisitView] }) items: CampaignVisitView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}
