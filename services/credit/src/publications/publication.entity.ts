import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PublicationKind } from '@cityworks/contracts';
import type { NationalRecord } from './domain/national-fields';
import type { PublicationStatus } from './domain/publication';

/** 双公示: one permit or penalty decision to publish, with its national fields. */
@Entity({ name: 'publications' })
export class Publication {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: PublicationKind;

  /** the deciding department (许可机关 / 处罚机关), which publishes */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  /** 行政区划 of the decision, when the event names it (letters are written from its 工改办) */
  @Column({ name: 'region_code', type: 'varchar', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  /** the decision: application id (permit) or penalty action id */
  @Column({ name: 'source_ref', type: 'varchar', length: 128 })
  sourceRef: string;

  @Column({ name: 'source_event_id', type: 'varchar', length: 64 })
  sourceEventId: string;

  /** the 失信 record a penalty made; its 信用修复 ends the publication */
  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: PublicationStatus;

  /** the national fields, exactly (see domain/national-fields.ts) */
  @Column({ type: 'jsonb' })
  fields: NationalRecord;

  /** 决定日期, China calendar */
  @Column({ name: 'decision_date', type: 'date' })
  decisionDate: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** how the deadline was counted, as configured when it was set */
  @Column({ name: 'due_counting', type: 'varchar', length: 8 })
  dueCounting: 'working' | 'calendar';

  @Column({ name: 'due_days', type: 'int' })
  dueDays: number;

  /** 公示截止期: the last day on the public register */
  @Column({ name: 'public_until', type: 'date' })
  publicUntil: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'varchar', length: 128, nullable: true })
  publishedBy: string | null;

  /** 撤销: when the decision was revoked, and why (the revocation's source) */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
