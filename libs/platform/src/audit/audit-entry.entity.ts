import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One state change: who, when, what, on which record, before and after. Rows are chained by
 * hash (one chain per share of the resources), and the table refuses UPDATE, DELETE and TRUNCATE, so an edit is both blocked and,
 * if forced by someone who can drop triggers, detectable.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  /** the hash chain it belongs to (ADR 0031): its prevHash is the hash of the chain's entry before it */
  @Column({ type: 'smallint' })
  chain: number;

  @Column('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 100 })
  actorUserId: string;

  @Column({ name: 'actor_department_code', type: 'varchar', length: 64, nullable: true })
  actorDepartmentCode: string | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 64 })
  resourceType: string;

  @Column({ name: 'resource_id', type: 'varchar', length: 100 })
  resourceId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
