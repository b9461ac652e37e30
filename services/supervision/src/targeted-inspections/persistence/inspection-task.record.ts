import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { InspectionTaskSource, InspectionTaskStatus } from '../domain/inspection-task';

/** How an inspection task is stored; the model is ../domain/inspection-task.ts. */
@Entity({ name: 'inspection_tasks' })
export class InspectionTaskRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  source: InspectionTaskSource;

  @Column({ name: 'source_ref', type: 'varchar', length: 200 })
  sourceRef: string;

  @Column({ name: 'source_digest', type: 'char', length: 64 })
  sourceDigest: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'supervision_item_code', type: 'varchar', length: 64, nullable: true })
  supervisionItemCode: string | null;

  @Column({ name: 'subject_uscc', type: 'char', length: 18, nullable: true })
  subjectUscc: string | null;

  @Column({ name: 'subject_name', type: 'varchar', length: 200, nullable: true })
  subjectName: string | null;

  @Column({ name: 'project_code', type: 'varchar', length: 64, nullable: true })
  projectCode: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 100 })
  requestedBy: string;

  @Column({ name: 'referring_action_id', type: 'uuid', nullable: true })
  referringActionId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: InspectionTaskStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'workflow_id', type: 'varchar', length: 128 })
  workflowId: string;

  @Column({ name: 'feedback_outcome', type: 'text', nullable: true })
  feedbackOutcome: string | null;

  @Column({ name: 'feedback_action_id', type: 'uuid', nullable: true })
  feedbackActionId: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt: Date | null;

  @Column({ name: 'feedback_by', type: 'varchar', length: 100, nullable: true })
  feedbackBy: string | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
