import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CreditRepairStatus, RepairEvidence } from './domain/credit-repair';

/** 信用修复申请: one application to repair a 失信 record, and the credit office's decision on it. */
@Entity({ name: 'credit_repairs' })
export class CreditRepairRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** 谁认定、谁修复: the record's deciding department, which handles the repair */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'record_decided_on', type: 'date' })
  recordDecidedOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: CreditRepairStatus;

  @Column({ name: 'applicant_name', type: 'varchar', length: 100 })
  applicantName: string;

  @Column({ type: 'text' })
  correction: string;

  @Column({ type: 'jsonb' })
  evidence: RepairEvidence[];

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;

  @Column({ name: 'applied_by', type: 'varchar', length: 128 })
  appliedBy: string;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 128, nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
