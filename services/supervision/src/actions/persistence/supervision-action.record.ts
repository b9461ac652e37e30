import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ActionDetails, ActionStatus } from '../domain/supervision-action';
import type { ActionKind } from '../domain/action-vocabulary';

/** How a supervision action is stored; the model is ../domain/supervision-action.ts. */
@Entity({ name: 'supervision_actions' })
export class SupervisionActionRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ActionKind;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'supervision_item_code', type: 'varchar', length: 64 })
  supervisionItemCode: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 64, nullable: true })
  planId: string | null;

  @Column({ name: 'campaign_id', type: 'varchar', length: 64, nullable: true })
  campaignId: string | null;

  @Column({ name: 'subject_name', type: 'varchar', length: 200 })
  subjectName: string;

  @Column({ name: 'subject_uscc', type: 'char', length: 18 })
  subjectUscc: string;

  @Column({ name: 'legal_representative', type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'acted_at', type: 'timestamptz' })
  actedAt: Date;

  /** copied out of details for the unique index */
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  /** a check's result, copied out of details for reports */
  @Column({ type: 'varchar', length: 32, nullable: true })
  result: string | null;

  @Column({ type: 'jsonb' })
  details: ActionDetails;

  @Column({ type: 'varchar', length: 16 })
  status: ActionStatus;

  @Column({ name: 'report_due_at', type: 'timestamptz' })
  reportDueAt: Date;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  late: boolean | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ name: 'workflow_id', type: 'varchar', length: 128, nullable: true })
  workflowId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 100 })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
