import { ApiProperty } from '@nestjs/swagger';
import { CreditGrades, DrawVerification, RiskLevels } from '../draw';
import { ShortfallView } from './campaign.view';

export class DrawnCheckView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: [String] }) inspectorIds: string[];
}

export class DrawnVisitView {
  @ApiProperty() uscc: string;
  @ApiProperty({ type: String, enum: CreditGrades, nullable: true }) grade: string | null;
  @ApiProperty({ enum: RiskLevels }) risk: string;
  @ApiProperty({ type: Number, description: 'p = min(1, baseRatio × grade weight × risk weight)' }) inclusionProbability: number;
  @ApiProperty({ type: Number, description: 'HMAC-SHA256(seed, uscc), first 48 bits / 2^48; drawn because u < p' }) u: number;
  @ApiProperty({ type: [DrawnCheckView] }) checks: DrawnCheckView[];
  @ApiProperty({ type: [String] }) expertIds: string[];
}

export class DrawResultView {
  @ApiProperty() algorithm: string;
  @ApiProperty() seedCommitment: string;
  @ApiProperty({ type: 'integer' }) population: number;
  @ApiProperty({ type: Number }) expectedSize: number;
  @ApiProperty({ type: [DrawnVisitView] }) visits: DrawnVisitView[];
  @ApiProperty({ type: [ShortfallView] }) shortfalls: ShortfallView[];
}

/** The re-run of a published draw: the same object scripts/verify-draw.js prints with --json. */
export class DrawVerificationView {
  @ApiProperty({ type: String, nullable: true }) campaignId: string | null;
  @ApiProperty({ description: 'SHA-256(seed) equals the published commitment' }) commitmentMatches: boolean;
  @ApiProperty() computedCommitment: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'the published list equals the re-run; null when none was given' }) listMatches: boolean | null;
  @ApiProperty({ type: DrawResultView }) draw: DrawResultView;

  static of(v: DrawVerification): DrawVerificationView {
    return Object.assign(new DrawVerificationView(), v);
  }
}
