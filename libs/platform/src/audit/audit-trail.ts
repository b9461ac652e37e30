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
  /** chains that have entries, of those walked */
  chains: number;
  /** the first entry whose hash or link does not match */
  brokenAtSeq?: string;
  reason?: string;
}

type Hashable = Pick<
  AuditEntry,
  'id' | 'at' | 'actorUserId' | 'actorDepartmentCode' | 'action' | 'resourceType' | 'resourceId' | 'before' | 'after' | 'correlationId'
>;

/** What an entry's hash covers besides the previous hash: its fields as canonical JSON. */
export function auditBody(entry: Hashable): string {
  return canonicalJson({
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
}

/** SHA-256 over the previous entry's hash and this entry's body (audit_log_append computes the same in Postgres). */
export function auditHash(prevHash: string, entry: Hashable): string {
  return createHash('sha256')
    .update(`${prevHash}|${auditBody(entry)}`)
    .digest('hex');
}

/** How many hash chains a service's audit log is split into (ADR 0031). */
export const AUDIT_CHAINS = 16;

/**
 * The chain a resource's entries go to: all of one resource's history is in one chain, and
 * changes to different resources mostly take different chains' locks. Only the lock depends on
 * it; verification reads each entry's stored chain.
 */
export function auditChainOf(resourceType: string, resourceId: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  const key = `${resourceType}:${resourceId}`;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % AUDIT_CHAINS;
}

@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends entries in the caller's transaction, so the change and its record commit together.
   * Each goes to its resource's chain; appends to one chain are serialised (its lock is held to
   * commit, so the caller appends last), and a change touching several chains takes them in
   * ascending order, so two changes never wait for each other's chains in a cycle.
   */
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditTrail.record must run inside the transaction that changes the data');
    const actor = currentActor();
    const correlationId = currentCorrelationId() ?? null;
    const inChainOrder = records
      .map((record, i) => ({ record, i, chain: auditChainOf(record.resourceType, record.resourceId) }))
      .sort((a, b) => a.chain - b.chain || a.i - b.i);
    for (const { record, chain } of inChainOrder) {
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
        correlationId,
      };
      await manager.query(`SELECT audit_log_append($1::smallint, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`, [
        chain,
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
        auditBody(entry),
      ]);
    }
  }

  /** Walks the whole log in order, recomputing every hash and each entry's link to the one before it in its chain. */
  async verify(batchSize = 1000, manager: EntityManager = this.dataSource.manager): Promise<AuditChainReport> {
    const heads = new Map<number, string>();
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
      if (rows.length === 0) return { valid: true, entries, chains: heads.size };
      for (const row of rows) {
        const prevHash = heads.get(row.chain) ?? GENESIS_HASH;
        if (row.prevHash !== prevHash)
          return { valid: false, entries, chains: heads.size, brokenAtSeq: row.seq, reason: 'link to the previous entry does not match' };
        if (auditHash(prevHash, row) !== row.hash)
          return { valid: false, entries, chains: heads.size, brokenAtSeq: row.seq, reason: 'entry content does not match its hash' };
        heads.set(row.chain, row.hash);
        entries++;
      }
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}
