import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { CommitmentOutcome } from '@cityworks/contracts';
import { Commitment, CommitmentCheck, CommitmentState, CommitmentStatus, EvidenceKind } from '../domain/commitment';
import { CommitmentRecord, StoredCommitmentCheck } from './commitment.record';

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

function checkFrom(c: StoredCommitmentCheck): CommitmentCheck {
  return {
    outcome: c.outcome as CommitmentOutcome,
    findings: c.findings,
    evidence: c.evidence.map((e) => ({ kind: e.kind as EvidenceKind, reference: e.reference, title: e.title })),
    inspectedAt: new Date(c.inspectedAt),
    recordedAt: new Date(c.recordedAt),
    recordedBy: c.recordedBy,
    dueAt: new Date(c.dueAt),
    onTime: c.onTime,
    rectificationDueAt: date(c.rectificationDueAt),
    recheckDueAt: date(c.recheckDueAt),
  };
}

function checkTo(c: CommitmentCheck): StoredCommitmentCheck {
  return {
    ...c,
    inspectedAt: c.inspectedAt.toISOString(),
    recordedAt: c.recordedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    rectificationDueAt: c.rectificationDueAt?.toISOString() ?? null,
    recheckDueAt: c.recheckDueAt?.toISOString() ?? null,
  };
}

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(r: CommitmentRecord): CommitmentState {
  return {
    id: r.id,
    applicationId: r.applicationId,
    projectCode: r.projectCode,
    itemCode: r.itemCode,
    supervisingDepartmentCode: r.supervisingDepartmentCode,
    approvingDepartmentCode: r.approvingDepartmentCode,
    regionCode: r.regionCode,
    ownerUscc: r.ownerUscc,
    decidedAt: r.decidedAt,
    verificationWorkingDays: r.verificationWorkingDays,
    status: r.status,
    dueAt: r.dueAt,
    dueProvisional: r.dueProvisional,
    verifiedAt: r.verifiedAt,
    workflowId: r.workflowId,
    checks: r.checks.map(checkFrom),
    ineligibleUntil: r.ineligibleUntil,
    review:
      r.reviewRequestedAt && r.reviewReplyDueAt
        ? {
            requestedAt: r.reviewRequestedAt,
            replyDueAt: r.reviewReplyDueAt,
            answeredAt: r.reviewAnsweredAt,
            answer: r.reviewAnswer,
            answeredBy: r.reviewAnsweredBy,
          }
        : null,
  };
}

function toRecord(manager: EntityManager, c: Commitment): CommitmentRecord {
  const { review, checks, ...s } = c.snapshot;
  return manager.create(CommitmentRecord, {
    ...s,
    checks: checks.map(checkTo),
    reviewRequestedAt: review?.requestedAt ?? null,
    reviewReplyDueAt: review?.replyDueAt ?? null,
    reviewAnsweredAt: review?.answeredAt ?? null,
    reviewAnswer: review?.answer ?? null,
    reviewAnsweredBy: review?.answeredBy ?? null,
  });
}

const restore = (r: CommitmentRecord) => Commitment.restore(toState(r));

export interface CommitmentFilter {
  status?: CommitmentStatus;
  supervisingDepartmentCode?: string;
  applicationId?: string;
  ownerUscc?: string;
  /** the caller's department: commitments it verifies, or whose decision it made */
  department?: string;
}

@Injectable()
export class CommitmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findIn(manager: EntityManager, id: string): Promise<Commitment | null> {
    const record = await manager.findOne(CommitmentRecord, { where: { id } });
    return record ? restore(record) : null;
  }

  async lockForChange(manager: EntityManager, id: string): Promise<Commitment | null> {
    const record = await manager.findOne(CommitmentRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  /**
   * Verifications still awaited whose working-day count runs through `year` (decided in or before
   * it, due in or after it, China time): the ones a change of that year's holidays can move.
   */
  async lockAwaitingCountingThrough(manager: EntityManager, year: number): Promise<Commitment[]> {
    const records = await manager
      .createQueryBuilder(CommitmentRecord, 'c')
      .setLock('pessimistic_write')
      .where("c.status = 'awaiting-verification' AND c.checks = '[]'::jsonb")
      .andWhere("extract(year FROM c.decided_at AT TIME ZONE 'Asia/Shanghai') <= :year", { year })
      .andWhere("extract(year FROM c.due_at AT TIME ZONE 'Asia/Shanghai') >= :year", { year })
      .orderBy('c.id')
      .getMany();
    return records.map(restore);
  }

  async insert(manager: EntityManager, commitment: Commitment): Promise<void> {
    await manager.insert(CommitmentRecord, toRecord(manager, commitment));
  }

  async save(manager: EntityManager, commitment: Commitment): Promise<void> {
    await manager.save(CommitmentRecord, toRecord(manager, commitment));
  }

  async find(id: string): Promise<Commitment | null> {
    return this.findIn(this.dataSource.manager, id);
  }

  async page(filter: CommitmentFilter, page: number, pageSize: number): Promise<{ items: Commitment[]; total: number }> {
    const base: FindOptionsWhere<CommitmentRecord> = {};
    if (filter.status) base.status = filter.status;
    if (filter.supervisingDepartmentCode) base.supervisingDepartmentCode = filter.supervisingDepartmentCode;
    if (filter.applicationId) base.applicationId = filter.applicationId;
    if (filter.ownerUscc) base.ownerUscc = filter.ownerUscc;
    let where: FindOptionsWhere<CommitmentRecord> | FindOptionsWhere<CommitmentRecord>[] = base;
    if (filter.department) {
      where = [{ ...base, approvingDepartmentCode: filter.department }];
      if (!filter.supervisingDepartmentCode || filter.supervisingDepartmentCode === filter.department)
        where.push({ ...base, supervisingDepartmentCode: filter.department });
    }
    const [records, total] = await this.dataSource.getRepository(CommitmentRecord).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(restore), total };
  }
}
