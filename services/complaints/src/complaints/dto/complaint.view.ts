import { ApiProperty } from '@nestjs/swagger';
import { ComplaintCategories, ComplaintChannels, ComplaintStatuses } from '@cityworks/contracts';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '@cityworks/contracts';
import { Complaint, ComplaintTransfer } from '../complaint.entity';
import { ComplaintKind, ComplaintKinds } from '../intake/complaint-kind';
import { Finding, Findings, Rating, Ratings } from '../review/complaint-review';

export class AttachmentView {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'SHA-256, lower-case hex' }) sha256: string;
  @ApiProperty({ description: 'bytes' }) size: number;
}

/** A complaint as lists show it: everything but who complained. */
export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ComplaintChannels }) channel: ComplaintChannel;
  @ApiProperty({ nullable: true, type: String }) externalRef: string | null;
  @ApiProperty({ enum: ComplaintKinds, description: '审批服务 / 违法违规举报 / 建议' }) kind: ComplaintKind;
  @ApiProperty({ enum: ComplaintCategories }) category: ComplaintCategory;
  @ApiProperty({ description: '属地' }) regionCode: string;
  @ApiProperty({ description: '责任部门: found by 属地 and duty, changed only by a transfer' }) departmentCode: string;
  @ApiProperty({ nullable: true, type: String, description: 'the item the department answers for' }) itemCode: string | null;
  @ApiProperty({
    enum: ['item', 'project', 'reform-office', 'caller'],
    description: "how the department was found: the item named, the project's item, nobody claims it (工改办); caller: received before routing",
  })
  routedBy: string;
  @ApiProperty({ nullable: true, type: String }) subjectUscc: string | null;
  @ApiProperty({ nullable: true, type: String }) projectCode: string | null;
  @ApiProperty() content: string;
  @ApiProperty({ type: [AttachmentView], description: '附件 by reference' }) attachments: AttachmentView[];
  @ApiProperty({ description: '匿名举报: no contact was given' }) anonymous: boolean;
  @ApiProperty({ enum: ComplaintStatuses }) status: ComplaintStatus;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ description: 'end of the working day the receipt must be acknowledged by' }) acknowledgeDueAt: Date;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt: Date | null;
  @ApiProperty({ description: 'end of the working day the complaint must be answered by (有诉必应)' }) answerDueAt: Date;
  @ApiProperty({ nullable: true, type: Date }) answeredAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'the complainant may rate the answer until then' }) ratingDueAt: Date | null;
  @ApiProperty({ nullable: true, enum: Ratings, description: '满意度 of the answer' }) answerRating: Rating | null;
  @ApiProperty({ nullable: true, type: Date, description: 'reopened (once) on an unsatisfied rating' }) reopenedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'the 工改办 reviewing it' }) reviewDepartmentCode: string | null;
  @ApiProperty({ nullable: true, type: Date }) reviewDueAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewAnsweredAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '复核意见' }) reviewAnswer: string | null;
  @ApiProperty({ nullable: true, enum: Ratings, description: '满意度 of the review answer (final)' }) reviewRating: Rating | null;
  @ApiProperty({ nullable: true, enum: Findings, description: '属实认定' }) finding: Finding | null;
  @ApiProperty({ nullable: true, type: Date }) foundAt: Date | null;
  @ApiProperty({ description: 'a deadline rests on a year with no official holiday arrangement yet' }) dueProvisional: boolean;

  static of(c: Complaint): ComplaintView {
    return Object.assign(new ComplaintView(), ComplaintView.fields(c));
  }

  /** picks fields one by one, so a column added later is not shown until someone decides to */
  protected static fields(c: Complaint) {
    return {
      id: c.id,
      channel: c.channel,
      externalRef: c.externalRef,
      kind: c.kind,
      category: c.category,
      regionCode: c.regionCode,
      departmentCode: c.departmentCode,
      itemCode: c.itemCode,
      routedBy: c.routedBy,
      subjectUscc: c.subjectUscc,
      projectCode: c.projectCode,
      content: c.content,
      attachments: c.attachments.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size })),
      anonymous: c.anonymous,
      status: c.status,
      receivedAt: c.receivedAt,
      acknowledgeDueAt: c.acknowledgeDueAt,
      acknowledgedAt: c.acknowledgedAt,
      answerDueAt: c.answerDueAt,
      answeredAt: c.answeredAt,
      answer: c.answer,
      ratingDueAt: c.ratingDueAt,
      answerRating: c.answerRating,
      reopenedAt: c.reopenedAt,
      reviewDepartmentCode: c.reviewDepartmentCode,
      reviewDueAt: c.reviewDueAt,
      reviewAnsweredAt: c.reviewAnsweredAt,
      reviewAnswer: c.reviewAnswer,
      reviewRating: c.reviewRating,
      finding: c.finding,
      foundAt: c.foundAt,
      dueProvisional: c.dueProvisional,
    };
  }
}

export class ComplainantView {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

/** 错转: one transfer, with the reason. */
export class TransferView {
  @ApiProperty() fromDepartmentCode: string;
  @ApiProperty() toDepartmentCode: string;
  @ApiProperty() reason: string;
  @ApiProperty() transferredAt: Date;

  static of(t: ComplaintTransfer): TransferView {
    return Object.assign(new TransferView(), {
      fromDepartmentCode: t.fromDepartmentCode,
      toDepartmentCode: t.toDepartmentCode,
      reason: t.reason,
      transferredAt: t.transferredAt,
    });
  }
}

/** One complaint; the complainant in clear for the handling department and the 工改办, masked for everyone else. */
export class ComplaintDetailView extends ComplaintView {
  @ApiProperty({
    type: ComplainantView,
    nullable: true,
    description: 'null for an anonymous report; in clear for the handling department’s handlers and the 工改办, masked (王**, 138****5678) for anyone else',
  })
  complainant: ComplainantView | null;

  @ApiProperty({ description: 'the complainant is shown masked to this caller' })
  complainantMasked: boolean;

  @ApiProperty({ type: [TransferView], description: '错转 history, oldest first' })
  transfers: TransferView[];

  static detailOf(c: Complaint, complainant: ComplainantView | null, masked: boolean, transfers: ComplaintTransfer[]): ComplaintDetailView {
    return Object.assign(new ComplaintDetailView(), ComplaintView.fields(c), {
      complainant: complainant ? { name: complainant.name, phone: complainant.phone, email: complainant.email } : null,
      complainantMasked: masked,
      transfers: transfers.map((t) => TransferView.of(t)),
    });
  }
}

export class ComplaintPage {
  @ApiProperty({ type: [ComplaintView] }) items: ComplaintView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
