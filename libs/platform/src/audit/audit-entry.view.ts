import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditChainReport } from './audit-trail';

/** One line of the audit trail as auditors read it. */
export class AuditEntryView {
  @ApiProperty({ description: 'position in the log, as a decimal string (bigint)', pattern: '^[0-9]+$' })
  seq: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 32767,
    description: 'the hash chain the entry belongs to: all of one resource’s entries are in one chain',
  })
  chain: number;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'user id from the token, or the worker (`temporal:<queue>`, `kafka:<group>`)' })
  actorUserId: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  actorDepartmentCode: string | null;

  @ApiProperty({ example: 'application.decided' })
  action: string;

  @ApiProperty({ example: 'application' })
  resourceType: string;

  @ApiProperty()
  resourceId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  correlationId: string | null;

  @ApiProperty({ description: 'SHA-256 of the previous entry of its chain (64 zeros for a chain’s first)', pattern: '^[0-9a-f]{64}$' })
  prevHash: string;

  @ApiProperty({ description: 'SHA-256 over the previous hash and this entry', pattern: '^[0-9a-f]{64}$' })
  hash: string;

  static of(entry: AuditEntry): AuditEntryView {
    return Object.assign(new AuditEntryView(), {
      seq: entry.seq,
      chain: entry.chain,
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
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
  }
}

export class AuditChainReportView implements AuditChainReport {
  @ApiProperty({ description: 'false when an entry was altered or removed behind the trigger' })
  valid: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'entries verified before the first broken one' })
  entries: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'hash chains with entries among those verified' })
  chains: number;

  @ApiPropertyOptional({ description: 'the first entry whose hash or link does not match' })
  brokenAtSeq?: string;

  @ApiPropertyOptional()
  reason?: string;
}
