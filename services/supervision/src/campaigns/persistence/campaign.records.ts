import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DrawShortfall, GradeWeights, RiskWeights } from '../draw';
import type { CampaignScope, CampaignStatus } from '../domain/campaign';

/** How a campaign is stored; the model is ../domain/campaign.ts. */
@Entity({ name: 'campaigns' })
export class CampaignRecord {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ name: 'department_code', type: 'varchar', length: 64 }) departmentCode: string;
  @Column({ name: 'region_code', type: 'varchar', length: 12 }) regionCode: string;
  @Column({ name: 'participating_department_codes', type: 'jsonb' }) participatingDepartmentCodes: string[];
  @Column({ type: 'jsonb' }) scope: CampaignScope;
  @Column({ name: 'base_ratio', type: 'double precision' }) baseRatio: number;
  @Column({ name: 'grade_weights', type: 'jsonb' }) gradeWeights: GradeWeights;
  @Column({ name: 'risk_weights', type: 'jsonb' }) riskWeights: RiskWeights;
  @Column({ name: 'inspectors_per_check', type: 'int' }) inspectorsPerCheck: number;
  @Column({ name: 'expert_required', type: 'boolean' }) expertRequired: boolean;
  @Column({ name: 'recusal_period_days', type: 'int' }) recusalPeriodDays: number;
  @Column({ name: 'results_working_days', type: 'int' }) resultsWorkingDays: number;
  @Column({ name: 'publication_working_days', type: 'int' }) publicationWorkingDays: number;
  @Column({ type: 'varchar', length: 16 }) status: CampaignStatus;
  @Column({ type: 'varchar', length: 64 }) seed: string;
  @Column({ name: 'seed_commitment', type: 'varchar', length: 64 }) seedCommitment: string;
  @Column({ name: 'announced_at', type: 'timestamptz' }) announcedAt: Date;
  @Column({ name: 'announced_by', type: 'varchar', length: 128 }) announcedBy: string;
  @Column({ name: 'drawn_at', type: 'timestamptz', nullable: true }) drawnAt: Date | null;
  @Column({ name: 'results_due_at', type: 'timestamptz', nullable: true }) resultsDueAt: Date | null;
  @Column({ name: 'publish_due_at', type: 'timestamptz', nullable: true }) publishDueAt: Date | null;
  @Column({ type: 'int', nullable: true }) population: number | null;
  @Column({ name: 'expected_size', type: 'double precision', nullable: true }) expectedSize: number | null;
  @Column({ name: 'visit_count', type: 'int', default: 0 }) visitCount: number;
  @Column({ name: 'check_count', type: 'int', default: 0 }) checkCount: number;
  @Column({ name: 'checks_recorded', type: 'int', default: 0 }) checksRecorded: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) shortfalls: DrawShortfall[];
  @Column({ name: 'results_in_at', type: 'timestamptz', nullable: true }) resultsInAt: Date | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'workflow_id', type: 'varchar', length: 128 }) workflowId: string;
}

/** A check slot as stored in a visit's `checks` jsonb: instants as ISO strings. */
export interface StoredCheckSlot {
  departmentCode: string;
  inspectorIds: string[];
  result: string | null;
  actionId: string | null;
  checkedAt: string | null;
  recordedAt: string | null;
}

/** One drawn subject of a campaign: one visit, its team and one check slot per department. */
@Entity({ name: 'campaign_visits' })
export class CampaignVisitRecord {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @PrimaryColumn({ type: 'varchar', length: 18 }) uscc: string;
  @Column({ name: 'visit_group', type: 'varchar', length: 64 }) visitGroup: string;
  @Column({ name: 'inclusion_probability', type: 'double precision' }) inclusionProbability: number;
  @Column({ type: 'double precision' }) u: number;
  @Column({ name: 'expert_ids', type: 'jsonb' }) expertIds: string[];
  @Column({ type: 'jsonb' }) checks: StoredCheckSlot[];
  @Column({ name: 'drawn_at', type: 'timestamptz' }) drawnAt: Date;
}

/** The inputs a draw ran on, kept as drawn so that the publication can show them (the seed is added when published). */
@Entity({ name: 'campaign_draw_inputs' })
export class CampaignDrawInputsRecord {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @Column({ type: 'jsonb' }) inputs: Record<string, unknown>;
}
