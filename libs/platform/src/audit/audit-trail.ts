import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { currentActor, currentCorrelationId } from '../correlation/correlation-context';
import { canonicalJson } from './canonical-json';
import { AuditEntry } from './audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  /** what happened, e.g. `application.decided` */
  action: string;
  resourceType: string;
  resourceId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditChainReport {
  valid: boolean;
  entries: number;
  /** the first entry whose hash or link does not match */
  brokenAtSeq?: string;
  reason?: string;
}

type Hashable = Pick<
  AuditEntry,
  'id' | 'at' | 'actorUserId' | 'actorDepartmentCode' | 'action' | 'resourceType' | 'resourceId' | 'before' | 'after' | 'correlationId'
>;

export function auditHash(prevHash: string, entry: Hashable): string {
  const body = canonicalJson({
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    actorUserId: entry.actorUserId,
    actorDepartmentCode: entry.actorDepartmentCode,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    before: entry.before,
    after: entry.after,
    correlationId: entry.correlationId,
  });
  return createHash('sha256').update(`${prevHash}|${body}`).digest('hex');
}

@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry in the caller's transaction, so the change and its record commit
   * together. Appends are serialised per schema to keep one unbroken chain.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditTrail.record must run inside the transaction that changes the data');
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`);
    const [last] = await manager.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const prevHash: string = last?.hash ?? GENESIS_HASH;
    const actor = currentActor();
    const entry: Hashable = {
      id: randomUUID(),
      at: new Date(),
      actorUserId: actor.userId,
      actorDepartmentCode: actor.departmentCode,
      action: record.action,
      resourceType: record.resourceType,
      resourceId: record.resourceId,
      before: record.before ?? null,
      after: record.after ?? null,
      correlationId: currentCorrelationId() ?? null,
    };
    await manager.query(
      `INSERT INTO audit_log (id, at, actor_user_id, actor_department_code, action, resource_type, resource_id, before, after, correlation_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.id,
        entry.at,
        entry.actorUserId,
        entry.actorDepartmentCode,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.correlationId,
        prevHash,
        auditHash(prevHash, entry),
      ],
    );
  }

  /** Walks the whole chain in order, recomputing every hash. */
  async verify(batchSize = 1000, manager: EntityManager = this.dataSource.manager): Promise<AuditChainReport> {
    let prevHash = GENESIS_HASH;
    let entries = 0;
    let afterSeq = '0';
    for (;;) {
      const rows = await manager
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        .where('a.seq > :afterSeq', { afterSeq })
        .orderBy('a.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      if (rows.length === 0) return { valid: true, entries };
      for (const row of rows) {
        if (row.prevHash !== prevHash) return { valid: false, entries, brokenAtSeq: row.seq, reason: 'link to the previous entry does not match' };
        if (auditHash(prevHash, row) !== row.hash) return { valid: false, entries, brokenAtSeq: row.seq, reason: 'entry content does not match its hash' };
        prevHash = row.hash;
        entries++;
      }
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}
