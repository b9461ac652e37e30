import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '@cityworks/contracts';
import type { ComplaintKind } from './intake/complaint-kind';
import type { RoutedBy } from '../routing/duty';
import type { Finding, Rating } from './review/complaint-review';

/** 附件 by reference: the file stays where the channel keeps it. */
export interface AttachmentRef {
  name: string;
  sha256: string;
  size: number;
}

/**
 * 投诉举报: received from a channel, routed to a department by territory (属地) and duty, and
 * acknowledged and answered by deadlines (有诉必应).
 *
 * The complainant's identity is sealed (AES-256-GCM) and its columns are `select: false`: only a
 * query that asks for them by name (the detail) reads them, so no list or event can leak them.
 */
@Entity({ name: 'complaints' })
export class Complaint {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  channel: ComplaintChannel;

  /** the channel's own number (12345 工单号, 国家平台编号); unique per channel */
  @Column({ name: 'external_ref', type: 'varchar', length: 64, nullable: true })
  externalRef: string | null;

  /** SHA-256 of the matter delivered (never the complainant): tells a repeated delivery from a reused number */
  @Column({ name: 'intake_digest', type: 'char', length: 64, nullable: true })
  intakeDigest: string | null;

  /** 审批服务 / 违法违规举报 / 建议 */
  @Column({ type: 'varchar', length: 20 })
  kind: ComplaintKind;

  @Column({ type: 'varchar', length: 32 })
  category: ComplaintCategory;

  /** 属地: 6-digit 行政区划代码 */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** the department responsible by duty (职责), which acknowledges and answers; changes only by a transfer (错转) */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  /** the item the handling department answers for (named by the complainant, or the project's), when one was found */
  @Column({ name: 'item_code', type: 'varchar', length: 64, nullable: true })
  itemCode: string | null;

  /** how the department was found: `item`, `project`, `reform-office` (nobody claims it); `caller` before routing existed */
  @Column({ name: 'routed_by', type: 'varchar', length: 16 })
  routedBy: RoutedBy | 'caller';

  /** 统一社会信用代码 of the subject complained about, when known */
  @Column({ name: 'subject_uscc', type: 'varchar', length: 18, nullable: true })
  subjectUscc: string | null;

  @Column({ name: 'project_code', type: 'varchar', length: 64, nullable: true })
  projectCode: string | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: AttachmentRef[];

  /** no contact given (匿名举报): nobody to answer to, but the matter is still handled */
  @Column({ type: 'boolean' })
  anonymous: boolean;

  /** name, phone and email sealed with AES-256-GCM (IdentityCipher); `select: false`: read only when asked for by name */
  @Column({ name: 'complainant_sealed', type: 'text', nullable: true, select: false })
  complainantSealed?: string | null;

  /** the key it was sealed with, so a rotated key leaves it readable */
  @Column({ name: 'complainant_key_id', type: 'varchar', length: 32, nullable: true, select: false })
  complainantKeyId?: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ComplaintStatus;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'acknowledge_due_at', type: 'timestamptz' })
  acknowledgeDueAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'answer_due_at', type: 'timestamptz' })
  answerDueAt: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  /** the complainant rates the answer by then (满意度回访) */
  @Column({ name: 'rating_due_at', type: 'timestamptz', nullable: true })
  ratingDueAt: Date | null;

  @Column({ name: 'answer_rating', type: 'varchar', length: 12, nullable: true })
  answerRating: Rating | null;

  @Column({ name: 'answer_rated_at', type: 'timestamptz', nullable: true })
  answerRatedAt: Date | null;

  /** reopened once, on an unsatisfied rating, for review (复核) by the 工改办 */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @Column({ name: 'review_department_code', type: 'varchar', length: 64, nullable: true })
  reviewDepartmentCode: string | null;

  @Column({ name: 'review_due_at', type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  @Column({ name: 'review_answered_at', type: 'timestamptz', nullable: true })
  reviewAnsweredAt: Date | null;

  @Column({ name: 'review_answer', type: 'text', nullable: true })
  reviewAnswer: string | null;

  @Column({ name: 'review_rating_due_at', type: 'timestamptz', nullable: true })
  reviewRatingDueAt: Date | null;

  @Column({ name: 'review_rating', type: 'varchar', length: 12, nullable: true })
  reviewRating: Rating | null;

  @Column({ name: 'review_rated_at', type: 'timestamptz', nullable: true })
  reviewRatedAt: Date | null;

  /** 属实 or not, as the handling department found */
  @Column({ type: 'varchar', length: 16, nullable: true })
  finding: Finding | null;

  @Column({ name: 'found_at', type: 'timestamptz', nullable: true })
  foundAt: Date | null;

  /** a deadline fell in a year with no official holiday arrangement yet */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** 错转: one passing of a complaint from the department it was with to another, with the reason. */
@Entity({ name: 'complaint_transfers' })
export class ComplaintTransfer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ name: 'from_department_code', type: 'varchar', length: 64 })
  fromDepartmentCode: string;

  @Column({ name: 'to_department_code', type: 'varchar', length: 64 })
  toDepartmentCode: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'transferred_by', type: 'varchar', length: 128 })
  transferredBy: string;

  @Column({ name: 'transferred_at', type: 'timestamptz' })
  transferredAt: Date;
}
