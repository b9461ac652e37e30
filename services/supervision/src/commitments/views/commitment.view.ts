import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommitmentOutcome, CommitmentOutcomes } from '@cityworks/contracts';
import { Commitment, CommitmentCheck, CommitmentStatus, EvidenceKind, EvidenceKinds } from '../domain/commitment';

export class EvidenceReferenceView {
  @ApiProperty({ enum: EvidenceKinds })
  kind: EvidenceKind;

  @ApiProperty()
  reference: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;
}

/** One 核查 or 复查 as recorded. */
export class CommitmentCheckView {
  @ApiProperty({ enum: CommitmentOutcomes })
  outcome: CommitmentOutcome;

  @ApiProperty()
  findings: string;

  @ApiProperty({ type: [EvidenceReferenceView] })
  evidence: EvidenceReferenceView[];

  @ApiProperty({ format: 'date-time' })
  inspectedAt: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ description: 'user id of the officer who recorded it' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time', description: 'the deadline this check answered' })
  dueAt: string;

  @ApiProperty({ description: 'recorded by its deadline' })
  onTime: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '责令限期整改: rectify by' })
  rectificationDueAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '复查 due by' })
  recheckDueAt: string | null;

  static of(c: CommitmentCheck): CommitmentCheckView {
    return Object.assign(new CommitmentCheckView(), {
      outcome: c.outcome,
      findings: c.findings,
      evidence: c.evidence.map((e) => Object.assign(new EvidenceReferenceView(), e)),
      inspectedAt: c.inspectedAt.toISOString(),
      recordedAt: c.recordedAt.toISOString(),
      recordedBy: c.recordedBy,
      dueAt: c.dueAt.toISOString(),
      onTime: c.onTime,
      rectificationDueAt: c.rectificationDueAt?.toISOString() ?? null,
      recheckDueAt: c.recheckDueAt?.toISOString() ?? null,
    });
  }
}

/** 函告审批部门复核 */
export class CommitmentReviewView {
  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', description: 'the approving department answers by then' })
  replyDueAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  answer: string | null;
}

const STATUSES: CommitmentStatus[] = ['awaiting-verification', 'rectifying', 'fulfilled', 'broken'];

/** A commitment under verification (告知承诺核查) as the API shows it. */
export class CommitmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ description: '项目代码' })
  projectCode: string;

  @ApiProperty({ description: '审批事项编码' })
  itemCode: string;

  @ApiProperty({ description: '监管部门代码: verifies' })
  supervisingDepartmentCode: string;

  @ApiProperty({ description: '实施部门代码: decided on commitment, answers the 复核 request' })
  approvingDepartmentCode: string;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ enum: STATUSES })
  status: CommitmentStatus;

  @ApiProperty({ format: 'date-time', description: 'the verification (or, while rectifying, the re-check) is due by this instant' })
  dueAt: string;

  @ApiProperty({ description: 'the deadline crosses a year whose official holiday arrangement is not published yet' })
  dueProvisional: boolean;

  @ApiProperty({ description: 'a check is due and its deadline has passed' })
  overdue: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'when the first verification was recorded' })
  verifiedAt: string | null;

  @ApiProperty({ type: [CommitmentCheckView] })
  checks: CommitmentCheckView[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '取消告知承诺资格 until then' })
  ineligibleUntil: string | null;

  @ApiPropertyOptional({ type: CommitmentReviewView, nullable: true })
  review: CommitmentReviewView | null;

  @ApiProperty({ description: 'the Temporal workflow that tracks the deadlines' })
  workflowId: string;

  static of(commitment: Commitment, now = new Date()): CommitmentView {
    const s = commitment.snapshot;
    const checkDue = s.status === 'awaiting-verification' || s.status === 'rectifying';
    return Object.assign(new CommitmentView(), {
      id: s.id,
      applicationId: s.applicationId,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      approvingDepartmentCode: s.approvingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      decidedAt: s.decidedAt.toISOString(),
      status: s.status,
      dueAt: s.dueAt.toISOString(),
      dueProvisional: s.dueProvisional,
      overdue: checkDue && now.getTime() > s.dueAt.getTime(),
      verifiedAt: s.verifiedAt?.toISOString() ?? null,
      checks: s.checks.map(CommitmentCheckView.of),
      ineligibleUntil: s.ineligibleUntil?.toISOString() ?? null,
      review: s.review
        ? Object.assign(new CommitmentReviewView(), {
            requestedAt: s.review.requestedAt.toISOString(),
            replyDueAt: s.review.replyDueAt.toISOString(),
            answeredAt: s.review.answeredAt?.toISOString() ?? null,
            answer: s.review.answer,
          })
        : null,
      workflowId: s.workflowId,
    });
  }
}

export class CommitmentPageView {
  @ApiProperty({ type: [CommitmentView] })
  items: CommitmentView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
