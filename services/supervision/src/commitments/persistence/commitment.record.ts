import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CommitmentStatus } from '../domain/commitment';

/** A check as stored in the `checks` jsonb column: instants as ISO strings. */
export interface StoredCommitmentCheck {
  outcome: string;
  findings: string;
  evidence: { kind: string; reference: string; title: string | null }[];
  inspectedAt: string;
  recordedAt: string;
  recordedBy: string;
  dueAt: string;
  onTime: boolean;
  rectificationDueAt: string | null;
  recheckDueAt: string | null;
}

/** How a commitment is stored; the model itself is in ../domain/commitment.ts. */
@Entity({ name: 'commitments' })
export class CommitmentRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64, unique: true })
  applicationId: string;

  @Column({ name: 'project_code', type: 'varchar', length: 64 })
  projectCode: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode: string;

  @Column({ name: 'supervising_department_code', type: 'varchar', length: 64 })
  supervisingDepartmentCode: string;

  @Column({ name: 'approving_department_code', type: 'varchar', length: 64 })
  approvingDepartmentCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32 })
  regionCode: string;

  @Column({ name: 'owner_uscc', type: 'varchar', length: 18 })
  ownerUscc: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'verification_working_days', type: 'int' })
  verificationWorkingDays: number;

  @Column({ type: 'varchar', length: 24 })
  status: CommitmentStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'workflow_id', type: 'varchar', length: 128 })
  workflowId: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  checks: StoredCommitmentCheck[];

  @Column({ name: 'ineligible_until', type: 'timestamptz', nullable: true })
  ineligibleUntil: Date | null;

  @Column({ name: 'review_requested_at', type: 'timestamptz', nullable: true })
  reviewRequestedAt: Date | null;

  @Column({ name: 'review_reply_due_at', type: 'timestamptz', nullable: true })
  reviewReplyDueAt: Date | null;

  @Column({ name: 'review_answered_at', type: 'timestamptz', nullable: true })
  reviewAnsweredAt: Date | null;

  @Column({ name: 'review_answer', type: 'text', nullable: true })
  reviewAnswer: string | null;

  @Column({ name: 'review_answered_by', type: 'varchar', length: 128, nullable: true })
  reviewAnsweredBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
