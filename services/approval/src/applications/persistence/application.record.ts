import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import type { ApplicationStatus, StatutoryTerms } from '../domain/application';

/** a clock-stop as stored: instants as ISO strings */
export interface StoredClockStop {
  reason: string;
  note: string | null;
  from: string;
  to: string | null;
}

/** a joint review's participant as stored: givenAt as an ISO string */
export interface StoredJointReviewParticipant {
  departmentCode: string;
  opinion: string | null;
  note: string | null;
  givenAt: string | null;
}

/** How an application (办件) is stored; the model itself is in ../domain/application.ts. */
@Entity({ name: 'applications' })
export class ApplicationRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'project_code', type: 'varchar', length: 64 })
  projectCode: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode: string;

  /** 实施部门 */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  /** 监管部门 */
  @Column({ name: 'supervising_department_code', type: 'varchar', length: 64 })
  supervisingDepartmentCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32 })
  regionCode: string;

  /** 建设单位 统一社会信用代码 */
  @Column({ name: 'owner_uscc', type: 'varchar', length: 18 })
  ownerUscc: string;

  @Column({ name: 'on_commitment', type: 'boolean', default: false })
  onCommitment: boolean;

  /** 绿色通道 at 受理 (credit grade A) */
  @Column({ name: 'green_channel', type: 'boolean', default: false })
  greenChannel: boolean;

  @Column({ name: 'supervision_feedback_working_days', type: 'int' })
  supervisionFeedbackWorkingDays: number;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  terms: StatutoryTerms | null;

  @Column({ name: 'clock_stops', type: 'jsonb', default: () => "'[]'" })
  clockStops: StoredClockStop[];

  @Column({ name: 'illegal_clock_stop_attempts', type: 'int', default: 0 })
  illegalClockStopAttempts: number;

  /** 监管结果反馈 as stored: givenAt as an ISO string */
  @Column({ name: 'supervision_feedback', type: 'jsonb', nullable: true })
  supervisionFeedback: { taskId: string; departmentCode: string; outcome: string; givenAt: string } | null;

  /** 撤销 as stored: revokedAt as an ISO string */
  @Column({ type: 'jsonb', nullable: true })
  revocation: { source: string; reason: string; revokedAt: string } | null;

  /** 联合审图/联合验收: participating departments and their opinions; [] without a joint review */
  @Column({ name: 'joint_review', type: 'jsonb', default: () => "'[]'" })
  jointReview: StoredJointReviewParticipant[];

  /** when the deadline first passed undecided with the clock running */
  @Column({ name: 'overdue_since', type: 'timestamptz', nullable: true })
  overdueSince: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
