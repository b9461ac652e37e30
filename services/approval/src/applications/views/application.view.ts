import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalStages, ClockStopReasons, JointReviewOpinions, RevocationSources } from '@cityworks/contracts';
import type { Application } from '../domain/application';
import type { ApplicationTiming } from '../domain/application-timing';

/** The statutory terms recorded from the catalog item version in force at acceptance. */
export class StatutoryTermsView {
  @ApiProperty({ type: 'integer', description: 'catalog item version' })
  itemVersion: number;

  @ApiPropertyOptional({ enum: ApprovalStages, description: 'the stage the item belongs to; absent on applications accepted before it was recorded' })
  stage?: string;

  @ApiProperty({ description: 'the list the version comes from' })
  itemRegionCode: string;

  @ApiProperty({ type: 'integer', description: '法定办结时限, working days, the acceptance day not counted' })
  timeLimitWorkingDays: number;

  @ApiProperty({ enum: ClockStopReasons, isArray: true, description: 'the only clock-stops this application may take' })
  allowedClockStops: string[];

  @ApiProperty({ description: '告知承诺制 allowed' })
  commitmentAllowed: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  commitmentVerificationWorkingDays: number | null;

  @ApiProperty({ enum: ['审管一体', '审管分离'] })
  supervisionMode: string;
}

export class ClockStopView {
  @ApiProperty({ enum: ClockStopReasons })
  reason: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null while the clock is stopped' })
  to: string | null;
}

/** 监管结果反馈 from the supervising department. */
export class SupervisionFeedbackView {
  @ApiProperty({ format: 'uuid', description: 'the supervision task' })
  taskId: string;

  @ApiProperty()
  departmentCode: string;

  @ApiProperty()
  outcome: string;

  @ApiProperty({ format: 'date-time' })
  givenAt: string;
}

/** 撤销 of an approval. */
export class RevocationView {
  @ApiProperty({ enum: RevocationSources })
  source: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  revokedAt: string;
}

/** A participating department (参与部门) of a joint review, its opinion and its own time. */
export class JointReviewParticipantView {
  @ApiProperty({ description: '参与部门代码' })
  departmentCode: string;

  @ApiProperty({ type: String, enum: [...JointReviewOpinions, null], nullable: true, description: 'null until the department answers' })
  opinion: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'reasons of a 不同意, conditions of a 有条件同意' })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the department answers' })
  givenAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      "the department's own 办理用时: working days from acceptance (not counted) to its answer, or so far; clock-stops excluded; null without a clock",
  })
  usedWorkingDays: number | null;
}

/** 联合审图/联合验收: who takes part and who the decision still waits for. */
export class JointReviewView {
  @ApiProperty({ type: [JointReviewParticipantView] })
  participants: JointReviewParticipantView[];

  @ApiProperty({ type: [String], description: 'participants that have not answered; the implementing department decides once it is empty' })
  waitingDepartmentCodes: string[];
}

/** 办理用时, derived when asked: never a stored, stale deadline. */
export class ApplicationTimingView {
  @ApiProperty({ type: 'integer' })
  timeLimitWorkingDays: number;

  @ApiProperty({ type: 'integer', description: 'working days counted, the acceptance day not counted, clock-stops excluded' })
  usedWorkingDays: number;

  @ApiProperty({ type: 'integer' })
  suspendedWorkingDays: number;

  @ApiProperty({ type: 'integer', description: 'negative when over the limit' })
  remainingWorkingDays: number;

  @ApiProperty({ format: 'date-time', description: 'end of the last working day of the limit, moved by the clock-stops' })
  dueAt: string;

  @ApiProperty()
  clockStopped: boolean;

  @ApiProperty({ description: 'undecided, past the deadline, clock running' })
  overdue: boolean;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'null until decided' })
  decidedWithinLimit: boolean | null;

  @ApiProperty({ description: 'counted across a year without an official holiday arrangement yet' })
  provisional: boolean;
}

/** An application (办件) as the API shows it. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '项目代码' })
  projectCode: string;

  @ApiProperty({ description: '审批事项编码' })
  itemCode: string;

  @ApiProperty({ description: '实施部门代码' })
  departmentCode: string;

  @ApiProperty({ description: '监管部门代码' })
  supervisingDepartmentCode: string;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ description: '告知承诺制' })
  onCommitment: boolean;

  @ApiProperty({ description: '绿色通道: the owner was graded A by credit at 受理, so 容缺受理 is allowed (materials may be made up later)' })
  greenChannel: boolean;

  @ApiProperty({ description: 'working days the supervising department has to act on the result' })
  supervisionFeedbackWorkingDays: number;

  @ApiProperty({ enum: ['accepted', 'approved', 'rejected', 'revoked'] })
  status: 'accepted' | 'approved' | 'rejected' | 'revoked';

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  decisionReason: string | null;

  @ApiPropertyOptional({ type: StatutoryTermsView, nullable: true, description: 'null for applications accepted before terms were recorded' })
  terms: StatutoryTermsView | null;

  @ApiProperty({ type: [ClockStopView] })
  clockStops: ClockStopView[];

  @ApiProperty({ type: 'integer', description: 'refused clock-stops (不得违规暂停计时)' })
  illegalClockStopAttempts: number;

  @ApiPropertyOptional({ type: ApplicationTimingView, nullable: true })
  timing: ApplicationTimingView | null;

  @ApiPropertyOptional({ type: SupervisionFeedbackView, nullable: true, description: 'null until the supervising department feeds back' })
  supervisionFeedback: SupervisionFeedbackView | null;

  @ApiPropertyOptional({ type: RevocationView, nullable: true, description: 'null unless the approval was revoked (撤销)' })
  revocation: RevocationView | null;

  @ApiProperty({
    type: JointReviewView,
    nullable: true,
    description: '联合审图/联合验收: participating departments and their opinions; null without a joint review',
  })
  jointReview: JointReviewView | null;

  static of(application: Application, timing: ApplicationTiming | null): ApplicationView {
    const s = application.snapshot;
    const participantTimes = new Map(timing?.jointReview.map((t) => [t.departmentCode, t.usedWorkingDays]));
    const jointReview: JointReviewView | null = s.jointReview.length
      ? {
          participants: s.jointReview.map((p) => ({
            departmentCode: p.departmentCode,
            opinion: p.opinion,
            note: p.note,
            givenAt: p.givenAt?.toISOString() ?? null,
            usedWorkingDays: participantTimes.get(p.departmentCode) ?? null,
          })),
          waitingDepartmentCodes: application.waitingJointReviewDepartments,
        }
      : null;
    return Object.assign(new ApplicationView(), {
      id: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      onCommitment: s.onCommitment,
      greenChannel: s.greenChannel,
      supervisionFeedbackWorkingDays: s.supervisionFeedbackWorkingDays,
      status: s.status,
      acceptedAt: s.acceptedAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decisionReason: s.decisionReason,
      terms: s.terms ? { ...s.terms, allowedClockStops: [...s.terms.allowedClockStops] } : null,
      clockStops: s.clockStops.map((stop) => ({ reason: stop.reason, note: stop.note, from: stop.from.toISOString(), to: stop.to?.toISOString() ?? null })),
      illegalClockStopAttempts: s.illegalClockStopAttempts,
      timing: timing ? ApplicationView.clockOf(timing) : null,
      supervisionFeedback: s.supervisionFeedback ? { ...s.supervisionFeedback, givenAt: s.supervisionFeedback.givenAt.toISOString() } : null,
      revocation: s.revocation ? { ...s.revocation, revokedAt: s.revocation.revokedAt.toISOString() } : null,
      jointReview,
    });
  }

  /** the application's own clock; the participants' times are shown with their opinions */
  private static clockOf({ jointReview: _participants, ...timing }: ApplicationTiming): ApplicationTimingView {
    return { ...timing, dueAt: timing.dueAt.toISOString() };
  }
}

export class ApplicationPageView {
  @ApiProperty({ type: [ApplicationView] })
  items: ApplicationView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
