import { ApiProperty } from '@nestjs/swagger';
import { EligibilityCancellation } from '../domain/commitment-eligibility';

export class EligibilityCancellationView {
  @ApiProperty({ description: 'the broken commitment (告知承诺核查不实) that cancelled eligibility' })
  commitmentId: string;

  @ApiProperty({ description: 'the application approved on that commitment' })
  applicationId: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  cancelledAt: string;

  @ApiProperty({ format: 'date-time', description: 'no application on commitment until this instant' })
  until: string;

  static of(c: EligibilityCancellation): EligibilityCancellationView {
    return Object.assign(new EligibilityCancellationView(), {
      commitmentId: c.commitmentId,
      applicationId: c.applicationId,
      reason: c.reason,
      cancelledAt: c.cancelledAt.toISOString(),
      until: c.until.toISOString(),
    });
  }
}

/** Whether a subject may apply on commitment (告知承诺资格) now, and every cancellation it has had. */
export class CommitmentEligibilityView {
  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ description: 'may apply on commitment now' })
  eligible: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'a cancellation in force ends at this instant; null when none is' })
  ineligibleUntil: string | null;

  @ApiProperty({
    type: String,
    enum: ['A', 'B', 'C', 'D'],
    nullable: true,
    description: 'the credit grade approval last heard of (credit.grade-changed.v1); null when never graded',
  })
  creditGrade: string | null;

  @ApiProperty({ description: '联合惩戒: graded D, so no approval on commitment' })
  jointPunishment: boolean;

  @ApiProperty({ type: [EligibilityCancellationView] })
  cancellations: EligibilityCancellationView[];
}
