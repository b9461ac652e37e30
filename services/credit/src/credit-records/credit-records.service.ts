import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@cityworks/calendar';
import { CreditEventTypes, CreditRecordAddedV1, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { Page } from '@cityworks/platform';
import { gradeCredit } from '../grading/credit-grade';
import { CreditRecord } from './credit-record.entity';
import { AddCreditRecordDto } from './dto/add-credit-record.dto';
import { ListCreditRecordsQuery } from './dto/list-credit-records.query';
import { CreditRecordView } from './dto/credit-record.view';

@Injectable()
export class CreditRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Records the fact and publishes it with the grade it leads to, in one transaction. Credit
   * information is shared, not owned (信用信息共享): the credit office records facts decided by
   * any department, and every department reads them.
   */
  async add(dto: AddCreditRecordDto): Promise<CreditRecordView> {
    const today = chinaDateOf(new Date());
    const record = await this.uow.run(async (change) => {
      const { manager } = change;
      // one writer per subject at a time, so the grade in each event has seen every earlier record
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credit:${dto.uscc}`]);
      if (dto.sourceRef) await this.refuseDuplicateSource(manager, dto);
      const record = manager.create(CreditRecord, {
        id: randomUUID(),
        uscc: dto.uscc,
        kind: dto.kind,
        severity: dto.kind === 'bad' ? (dto.severity ?? null) : null,
        sourceType: dto.sourceType,
        sourceDepartmentCode: dto.sourceDepartmentCode,
        sourceRef: dto.sourceRef ?? null,
        reason: dto.reason,
        decidedOn: dto.decidedOn,
        expiresOn: dto.expiresOn,
        repaired: false,
        repairedAt: null,
      });
      await manager.insert(CreditRecord, record);
      const { grade } = gradeCredit(await this.activeRecords(record.uscc, today, manager), today);
      change.audit({
        action: 'credit-record.added',
        resourceType: 'credit-record',
        resourceId: record.id,
        after: {
          uscc: record.uscc,
          kind: record.kind,
          severity: record.severity,
          sourceType: record.sourceType,
          sourceDepartmentCode: record.sourceDepartmentCode,
          sourceRef: record.sourceRef,
          decidedOn: record.decidedOn,
          expiresOn: record.expiresOn,
          gradeAfter: grade,
        },
      });
      change.publish<CreditRecordAddedV1>(Topics.credit, {
        type: CreditEventTypes.recordAdded,
        subject: record.uscc,
        data: {
          recordId: record.id,
          uscc: record.uscc,
          kind: record.kind,
          severity: record.severity,
          sourceType: record.sourceType,
          sourceDepartmentCode: record.sourceDepartmentCode,
          sourceRef: record.sourceRef,
          decidedOn: record.decidedOn,
          expiresOn: record.expiresOn,
          gradeAfter: grade,
          addedAt: record.createdAt.toISOString(),
        },
      });
      return record;
    });
    return CreditRecordView.of(record, today);
  }

  private async refuseDuplicateSource(manager: EntityManager, dto: AddCreditRecordDto): Promise<void> {
    const existing = await manager.findOne(CreditRecord, {
      where: { uscc: dto.uscc, sourceType: dto.sourceType, sourceDepartmentCode: dto.sourceDepartmentCode, sourceRef: dto.sourceRef },
    });
    if (existing) {
      throw new ConflictException(
        `a credit record for ${dto.uscc} from ${dto.sourceDepartmentCode} ${dto.sourceType} ${dto.sourceRef} already exists (${existing.id})`,
      );
    }
  }

  async list(query: ListCreditRecordsQuery): Promise<Page<CreditRecordView>> {
    const where: FindOptionsWhere<CreditRecord> = {};
    if (query.uscc) where.uscc = query.uscc;
    if (query.kind) where.kind = query.kind;
    const [records, total] = await this.dataSource.getRepository(CreditRecord).findAndCount({
      where,
      order: { decidedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const today = chinaDateOf(new Date());
    return { items: records.map((r) => CreditRecordView.of(r, today)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The records that count on `asOf`: decided by then, not expired, not repaired; newest first. */
  activeRecords(uscc: string, asOf: string, manager: EntityManager = this.dataSource.manager): Promise<CreditRecord[]> {
    return manager.find(CreditRecord, {
      where: { uscc, repaired: false, decidedOn: LessThanOrEqual(asOf), expiresOn: MoreThanOrEqual(asOf) },
      order: { decidedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }
}
