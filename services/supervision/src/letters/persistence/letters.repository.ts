import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { EscalatedObligation, LetterKind } from '@cityworks/contracts';
import { Letter, LetterShownStatus, LetterState, PreviousLetter } from '../domain/letter';
import { LetterRecord } from './letter.record';
import { LetterDocumentRecord } from './letter-document.record';

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(r: LetterRecord): LetterState {
  return {
    id: r.id,
    claimKey: r.claimKey,
    kind: r.kind,
    year: r.year,
    sequence: r.sequence,
    number: r.number,
    office: { code: r.officeCode, name: r.officeName, shortName: r.officeShortName, departmentCode: r.officeDepartmentCode },
    addressee: { departmentCode: r.addresseeDepartmentCode, name: r.addresseeName },
    copyTo: r.copyToDepartmentCode ? { departmentCode: r.copyToDepartmentCode, name: r.copyToName ?? r.copyToDepartmentCode } : null,
    obligation: {
      kind: r.obligationKind,
      id: r.obligationId,
      title: r.obligationTitle,
      regionCode: r.regionCode,
      projectCode: r.projectCode,
      itemCode: r.itemCode,
    },
    demandedAction: r.demandedAction,
    missedDueAt: r.missedDueAt,
    replyDueAt: r.replyDueAt,
    issuedAt: r.issuedAt,
    follows:
      r.followsLetterId && r.followsNumber && r.followsIssuedAt ? { letterId: r.followsLetterId, number: r.followsNumber, issuedAt: r.followsIssuedAt } : null,
    status: r.status,
    receivedAt: r.receivedAt,
    receivedBy: r.receivedBy,
    repliedAt: r.repliedAt,
    repliedBy: r.repliedBy,
    replyText: r.replyText,
    replyAttachments: r.replyAttachments ?? [],
  };
}

function toRecord(s: Readonly<LetterState>): LetterRecord {
  return Object.assign(new LetterRecord(), {
    id: s.id,
    claimKey: s.claimKey,
    kind: s.kind,
    year: s.year,
    sequence: s.sequence,
    number: s.number,
    officeCode: s.office.code,
    officeName: s.office.name,
    officeShortName: s.office.shortName,
    officeDepartmentCode: s.office.departmentCode,
    addresseeDepartmentCode: s.addressee.departmentCode,
    addresseeName: s.addressee.name,
    copyToDepartmentCode: s.copyTo?.departmentCode ?? null,
    copyToName: s.copyTo?.name ?? null,
    obligationKind: s.obligation.kind,
    obligationId: s.obligation.id,
    obligationTitle: s.obligation.title,
    regionCode: s.obligation.regionCode,
    projectCode: s.obligation.projectCode,
    itemCode: s.obligation.itemCode,
    demandedAction: s.demandedAction,
    missedDueAt: s.missedDueAt,
    replyDueAt: s.replyDueAt,
    issuedAt: s.issuedAt,
    followsLetterId: s.follows?.letterId ?? null,
    followsNumber: s.follows?.number ?? null,
    followsIssuedAt: s.follows?.issuedAt ?? null,
    status: s.status,
    receivedAt: s.receivedAt,
    receivedBy: s.receivedBy,
    repliedAt: s.repliedAt,
    repliedBy: s.repliedBy,
    replyText: s.replyText,
    replyAttachments: s.replyAttachments,
  });
}

const restore = (r: LetterRecord) => Letter.restore(toState(r));

export interface LetterFilter {
  /** the caller's department: letters addressed to it only */
  department?: string;
  departmentCode?: string;
  status?: LetterShownStatus;
  kind?: LetterKind;
  from?: Date;
  to?: Date;
}

export interface LetterDocument {
  content: Buffer;
  sha256: string;
  mediaType: string;
}

@Injectable()
export class LettersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The next 发文顺序号 of an office, kind and year. The counter row is created or incremented
   * and stays locked until the caller's transaction ends: concurrent issues by the same office
   * queue behind it and get consecutive numbers, and a transaction that rolls back takes its
   * increment with it, so the numbers have no gaps.
   */
  async nextSequence(manager: EntityManager, officeCode: string, kind: LetterKind, year: number): Promise<number> {
    const [{ sequence }] = await manager.query(
      `INSERT INTO letter_number_counters (office_code, kind, year, last_sequence) VALUES ($1, $2, $3, 1)
       ON CONFLICT (office_code, kind, year) DO UPDATE SET last_sequence = letter_number_counters.last_sequence + 1
       RETURNING last_sequence AS sequence`,
      [officeCode, kind, year],
    );
    return Number(sequence);
  }

  async insert(manager: EntityManager, letter: Letter): Promise<void> {
    await manager.insert(LetterRecord, toRecord(letter.snapshot));
  }

  /** Stores the letter's PDF unless one is stored already (false then): a document is never replaced. */
  async insertDocument(manager: EntityManager, letterId: string, document: LetterDocument, renderedAt: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(LetterDocumentRecord)
      .values({ letterId, ...document, renderedAt })
      .orIgnore()
      .returning(['letterId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async save(manager: EntityManager, letter: Letter): Promise<void> {
    await manager.save(LetterRecord, toRecord(letter.snapshot));
  }

  async findByClaimKey(claimKey: string, manager: EntityManager = this.dataSource.manager): Promise<Letter | null> {
    const record = await manager.findOne(LetterRecord, { where: { claimKey } });
    return record ? restore(record) : null;
  }

  async find(id: string): Promise<Letter | null> {
    const record = await this.dataSource.getRepository(LetterRecord).findOne({ where: { id } });
    return record ? restore(record) : null;
  }

  async lockForChange(manager: EntityManager, id: string): Promise<Letter | null> {
    const record = await manager.findOne(LetterRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.exists(LetterRecord, { where: { id } });
  }

  /** The latest 提醒函 (or 督办函) sent about an obligation: the one a 督办函 follows. */
  async latestAbout(manager: EntityManager, obligation: Pick<EscalatedObligation, 'kind' | 'id'>, kind: LetterKind): Promise<PreviousLetter | null> {
    const record = await manager.findOne(LetterRecord, {
      where: { obligationKind: obligation.kind, obligationId: obligation.id, kind },
      order: { issuedAt: 'DESC' },
    });
    return record ? { letterId: record.id, number: record.number, issuedAt: record.issuedAt } : null;
  }

  async document(id: string): Promise<LetterDocument | null> {
    const record = await this.dataSource.getRepository(LetterDocumentRecord).findOne({ where: { letterId: id } });
    return record ? { content: record.content, sha256: record.sha256, mediaType: record.mediaType } : null;
  }

  /** Newest first. `overdue` is read off the reply deadline at `now`, as the model shows it. */
  async page(filter: LetterFilter, page: number, pageSize: number, now: Date): Promise<{ items: Letter[]; total: number }> {
    const qb = this.dataSource.getRepository(LetterRecord).createQueryBuilder('l');
    if (filter.department) qb.andWhere('l.addressee_department_code = :department', { department: filter.department });
    if (filter.departmentCode) qb.andWhere('l.addressee_department_code = :departmentCode', { departmentCode: filter.departmentCode });
    if (filter.kind) qb.andWhere('l.kind = :kind', { kind: filter.kind });
    if (filter.from) qb.andWhere('l.issued_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('l.issued_at <= :to', { to: filter.to });
    if (filter.status) statusCondition(qb, filter.status, now);
    const [records, total] = await qb
      .orderBy('l.issued_at', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map(restore), total };
  }
}

function statusCondition(qb: SelectQueryBuilder<LetterRecord>, status: LetterShownStatus, now: Date): void {
  if (status === 'replied') qb.andWhere(`l.status = 'replied'`);
  else if (status === 'overdue') qb.andWhere(`l.status <> 'replied' AND l.reply_due_at < :now`, { now });
  else qb.andWhere('l.status = :status AND l.reply_due_at >= :now', { status, now });
}
