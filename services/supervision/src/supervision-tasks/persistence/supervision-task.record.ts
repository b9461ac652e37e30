import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import type { SupervisionTaskStatus } from '../domain/supervision-task';

/** How a supervision task is stored; the model itself is in ../domain/supervision-task.ts. */
@Entity({ name: 'supervision_tasks' })
export class SupervisionTaskRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64, unique: true })
  applicationId: string;

  @Column({ name: 'project_code', type: 'varchar', length: 64 })
  projectCode: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode: string;

  /** the supervising department (监管部门) */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'approving_department_code', type: 'varchar', length: 64 })
  approvingDepartmentCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32 })
  regionCode: string;

  @Column({ name: 'owner_uscc', type: 'varchar', length: 18 })
  ownerUscc: string;

  @Column({ type: 'varchar', length: 16 })
  decision: string;

  @Column({ name: 'on_commitment', type: 'boolean' })
  onCommitment: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: SupervisionTaskStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** when the approval was decided: the deadline counts working days from this day */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'feedback_working_days', type: 'int', nullable: true })
  feedbackWorkingDays: number | null;

  /** the deadline crossed a year with no official holiday arrangement yet */
  @Column({ name: 'due_provisional', type: 'boolean', default: false })
  dueProvisional: boolean;

  @Column({ name: 'workflow_id', type: 'varchar', length: 128 })
  workflowId: string;

  @Column({ name: 'feedback_outcome', type: 'text', nullable: true })
  feedbackOutcome: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
