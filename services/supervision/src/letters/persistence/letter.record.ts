import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LetterKind, ObligationKind } from '@cityworks/contracts';
import type { LetterStatus, ReplyAttachment } from '../domain/letter';

/** How a letter is stored; the model itself is in ../domain/letter.ts. */
@Entity({ name: 'letters' })
export class LetterRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'claim_key', type: 'varchar', length: 200, unique: true })
  claimKey: string;

  @Column({ type: 'varchar', length: 8 })
  kind: LetterKind;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  sequence: number;

  /** 发文字号 */
  @Column({ type: 'varchar', length: 120 })
  number: string;

  @Column({ name: 'office_code', type: 'varchar', length: 64 })
  officeCode: string;

  @Column({ name: 'office_name', type: 'varchar', length: 200 })
  officeName: string;

  @Column({ name: 'office_short_name', type: 'varchar', length: 32 })
  officeShortName: string;

  @Column({ name: 'office_department_code', type: 'varchar', length: 64 })
  officeDepartmentCode: string;

  /** 主送机关 */
  @Column({ name: 'addressee_department_code', type: 'varchar', length: 64 })
  addresseeDepartmentCode: string;

  @Column({ name: 'addressee_name', type: 'varchar', length: 200 })
  addresseeName: string;

  /** 抄送机关 */
  @Column({ name: 'copy_to_department_code', type: 'varchar', length: 64, nullable: true })
  copyToDepartmentCode: string | null;

  @Column({ name: 'copy_to_name', type: 'varchar', length: 200, nullable: true })
  copyToName: string | null;

  @Column({ name: 'obligation_kind', type: 'varchar', length: 32 })
  obligationKind: ObligationKind;

  @Column({ name: 'obligation_id', type: 'varchar', length: 128 })
  obligationId: string;

  @Column({ name: 'obligation_title', type: 'varchar', length: 500 })
  obligationTitle: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32 })
  regionCode: string;

  @Column({ name: 'project_code', type: 'varchar', length: 64, nullable: true })
  projectCode: string | null;

  @Column({ name: 'item_code', type: 'varchar', length: 64, nullable: true })
  itemCode: string | null;

  @Column({ name: 'demanded_action', type: 'varchar', length: 500 })
  demandedAction: string;

  @Column({ name: 'missed_due_at', type: 'timestamptz' })
  missedDueAt: Date;

  @Column({ name: 'reply_due_at', type: 'timestamptz' })
  replyDueAt: Date;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'follows_letter_id', type: 'uuid', nullable: true })
  followsLetterId: string | null;

  @Column({ name: 'follows_number', type: 'varchar', length: 120, nullable: true })
  followsNumber: string | null;

  @Column({ name: 'follows_issued_at', type: 'timestamptz', nullable: true })
  followsIssuedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: LetterStatus;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'received_by', type: 'varchar', length: 128, nullable: true })
  receivedBy: string | null;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  @Column({ name: 'replied_by', type: 'varchar', length: 128, nullable: true })
  repliedBy: string | null;

  @Column({ name: 'reply_text', type: 'text', nullable: true })
  replyText: string | null;

  @Column({ name: 'reply_attachments', type: 'jsonb', default: () => "'[]'" })
  replyAttachments: ReplyAttachment[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
