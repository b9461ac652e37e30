import { ApiProperty } from '@nestjs/swagger';
import { CheckResult, CheckResults } from '@cityworks/contracts';
import { Campaign, CampaignStatus, CampaignVisit } from '../domain/campaign';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const STATUSES: CampaignStatus[] = ['announced', 'checking', 'results-in', 'published'];

/**
 * A 双随机 campaign as the public sees it (一公开): its announcement with the seed's commitment,
 * the seed once published, the counts — no pool member, no internal workflow state.
 */
export class PublicCampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the organizing department' }) departmentCode: string;
  @ApiProperty({ type: [String], description: '部门联合抽查: every department checking' }) participatingDepartmentCodes: string[];
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: STATUSES }) status: CampaignStatus;
  @ApiProperty({ description: 'SHA-256 of the seed, hex, published at announcement' }) seedCommitment: string;
  @ApiProperty({ type: String, nullable: true, description: 'the seed, revealed once the results are published' }) seed: string | null;
  @ApiProperty({ format: 'date-time' }) announcedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) drawnAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'subjects in scope at the draw' }) population: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'subjects drawn' }) visitCount: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) checkCount: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) checksRecorded: number;

  static of(c: Campaign): PublicCampaignView {
    const s = c.snapshot;
    return Object.assign(new PublicCampaignView(), {
      id: s.id,
      title: s.title,
      departmentCode: s.departmentCode,
      participatingDepartmentCodes: s.participatingDepartmentCodes,
      regionCode: s.regionCode,
      status: s.status,
      seedCommitment: s.seedCommitment,
      // the seed stays secret until publication, so nobody can foresee the draw
      seed: s.status === 'published' ? s.seed : null,
      announcedAt: s.announcedAt.toISOString(),
      drawnAt: iso(s.drawnAt),
      publishedAt: iso(s.publishedAt),
      population: s.population,
      visitCount: s.visitCount,
      checkCount: s.checkCount,
      checksRecorded: s.checksRecorded,
    });
  }
}

export class PublicCampaignPageView {
  @ApiProperty({ type: [PublicCampaignView] }) items: PublicCampaignView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}

/** One department's result at a drawn subject (抽查结果). */
export class PublicCheckResultView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: String, enum: CheckResults, nullable: true }) result: CheckResult | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt: string | null;
}

/** A drawn subject and what each department found there. */
export class PublicCampaignResultView {
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ type: [PublicCheckResultView] }) checks: PublicCheckResultView[];

  static of(v: CampaignVisit): PublicCampaignResultView {
    return Object.assign(new PublicCampaignResultView(), {
      uscc: v.uscc,
      checks: v.checks.map((c) =>
        Object.assign(new PublicCheckResultView(), { departmentCode: c.departmentCode, result: c.result, checkedAt: iso(c.checkedAt) }),
      ),
    });
  }
}

export class PublicCampaignResultPageView {
  @ApiProperty({ type: [PublicCampaignResultView] }) items: PublicCampaignResultView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}
