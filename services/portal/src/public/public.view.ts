import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A 双随机 campaign as published by supervision's GET /public/campaigns. */
export class PublicCampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: [String] }) participatingDepartmentCodes: string[];
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ['announced', 'checking', 'results-in', 'published'] }) status: string;
  @ApiProperty({ description: 'SHA-256 of the seed, published at announcement' }) seedCommitment: string;
  @ApiPropertyOptional({ type: String, nullable: true }) seed: string | null;
  @ApiProperty({ format: 'date-time' }) announcedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) drawnAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) population: number | null;
  @ApiProperty({ type: 'integer' }) visitCount: number;
  @ApiProperty({ type: 'integer' }) checkCount: number;
  @ApiProperty({ type: 'integer' }) checksRecorded: number;
}

export class PublicCampaignPageView {
  @ApiProperty({ type: [PublicCampaignView] }) items: PublicCampaignView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}

export class DrawnSubjectView {
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ type: Number, description: 'p = min(1, base × grade weight × risk weight)' }) inclusionProbability: number;
  @ApiProperty({ type: Number, description: 'HMAC-SHA256(seed, uscc) as a number in [0,1): drawn because u < p' }) u: number;
  @ApiProperty({ type: [String], description: 'inspectors drawn (pool member ids), all departments' }) inspectorIds: string[];
  @ApiProperty({ type: [String] }) expertIds: string[];
  @ApiProperty({ type: [Object], description: 'each department’s result, once published' })
  results: { departmentCode: string; result: string | null; checkedAt: string | null }[];
}

/** "验证抽取结果": the published draw re-run by supervision's verify endpoint, and what it found. */
export class DrawCheckView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() seedCommitment: string;
  @ApiProperty() seed: string;
  @ApiProperty({ description: 'SHA-256(seed) computed again' }) computedCommitment: string;
  @ApiProperty() commitmentMatches: boolean;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'the re-run drew exactly the published subjects' }) listMatches: boolean | null;
  @ApiProperty({ type: 'integer' }) population: number;
  @ApiProperty({ type: [DrawnSubjectView] }) drawn: DrawnSubjectView[];
}
