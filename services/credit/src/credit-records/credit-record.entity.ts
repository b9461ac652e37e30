import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CreditRecordKind, CreditSeverity, CreditSourceType } from '@cityworks/contracts';

/** 信用记录: one 守信 or 失信 fact about a market subject, counted until it expires. */
@Entity({ name: 'credit_records' })
export class CreditRecord {
  @PrimaryColumn('uuid')
  id: string;

  /** 统一社会信用代码 of the subject */
  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 8 })
  kind: CreditRecordKind;

  /** 一般 / 较重 / 严重; null for 守信 */
  @Column({ type: 'varchar', length: 8, nullable: true })
  severity: CreditSeverity | null;

  @Column({ name: 'source_type', type: 'varchar', length: 16 })
  sourceType: CreditSourceType;

  /** the department that decided the fact (认定部门) */
  @Column({ name: 'source_department_code', type: 'varchar', length: 64 })
  sourceDepartmentCode: string;

  /** the originating record (办件 id, 文书号 …); unique per source, so a resend is refused */
  @Column({ name: 'source_ref', type: 'varchar', length: 128, nullable: true })
  sourceRef: string | null;

  /** the integration event the record was written from (another service's finding); null for a record typed in */
  @Column({ name: 'source_event_id', type: 'varchar', length: 64, nullable: true })
  sourceEventId: string | null;

  @Column({ type: 'text' })
  reason: string;

  /** 认定日期, China calendar; Postgres `date` comes back as YYYY-MM-DD */
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  /** 有效期 end: the last day the record counts */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  /** 信用修复 (a later capability): a repaired record stops counting before it expires */
  @Column({ type: 'boolean', default: false })
  repaired: boolean;

  @Column({ name: 'repaired_at', type: 'timestamptz', nullable: true })
  repairedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
