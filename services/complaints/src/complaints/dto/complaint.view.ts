import { ApiProperty } from '@nestjs/swagger';
import { ComplaintCategories, ComplaintChannels, ComplaintStatuses } from '@cityworks/contracts';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '@cityworks/contracts';
import { Complaint } from '../complaint.entity';
import { ComplaintKind, ComplaintKinds } from '../intake/complaint-kind';

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
  @ApiProperty({ description: '责任部门' }) departmentCode: string;
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
      dueProvisional: c.dueProvisional,
    };
  }
}

export class ComplainantView {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

/** One complaint; the complainant (personal data) only for the handling department. */
export class ComplaintDetailView extends ComplaintView {
  @ApiProperty({ type: ComplainantView, nullable: true, description: 'null for an anonymous report, and for anyone outside the handling department' })
  complainant: ComplainantView | null;

  @ApiProperty({ description: 'a complainant exists but is withheld from this caller' })
  complainantWithheld: boolean;

  static detailOf(c: Complaint, showComplainant: boolean): ComplaintDetailView {
    const shown = showComplainant && !c.anonymous;
    return Object.assign(new ComplaintDetailView(), ComplaintView.fields(c), {
      complainant: shown ? { name: c.complainantName ?? null, phone: c.complainantPhone ?? null, email: c.complainantEmail ?? null } : null,
      complainantWithheld: !c.anonymous && !shown,
    });
  }
}

export class ComplaintPage {
  @ApiProperty({ type: [ComplaintView] }) items: ComplaintView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
