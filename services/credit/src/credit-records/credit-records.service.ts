import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@cityworks/calendar';
import {
  AuthUser,
  CreditEventTypes,
  CreditGradeChangedV1,
  CreditRecordAddedV1,
  CreditRecordKind,
  CreditSeverity,
  CreditSourceType,
  Topics,
} from '@cityworks/contracts';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { mayAct, Page } from '@cityworks/platform';
import { CreditAssessment, gradeCredit } from '../grading/credit-grade';
import { gradeChange } from '../grading/grade-change';
import { CreditRules } from '../grading/rules/credit-rules';
import { CreditRulesConfig } from '../grading/rules/credit-rules.config';
import { SubjectGrade, SubjectGradeChange } from '../grading/subject-grade.entity';
import type { RecordFromEvent } from './from-events/commitment-records';
import { CreditRecord } from './credit-record.entity';
import { AddCreditRecordDto } from './dto/add-credit-record.dto';
import { ListCreditRecordsQuery } from './dto/list-credit-records.query';
import { CreditRecordView } from './dto/credit-record.view';

/** A record about to be written, typed in or from an event. */
export interface NewCreditRecord {
  uscc: string;
  kind: CreditRecordKind;
  severity: CreditSeverity | null;
  sourceType: CreditSourceType;
  sourceDepartmentCode: string;
  sourceRef: string | null;
  sourceEventId: string | null;
  reason: string;
  decidedOn: string;
  expiresOn: string;
}

@Injectable()
export class CreditRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly config: CreditRulesConfig,
  ) {}

  /** The grading rule set in force (CREDIT_RULES_FILE or the defaults). */
  get rules(): CreditRules {
    return this.config.rules;
  }

  /** A subject's grade on `asOf` from its records, by the rule set in force. */
  assess(records: readonly CreditRecord[], asOf: string): CreditAssessment {
    return gradeCredit(records, asOf, this.config.rules);
  }

  /**
   * Records the fact and publishes it with the grade it leads to, in one transaction. Credit
   * information is shared, not owned (信用信息共享): the credit office records facts decided by
   * any department, and every department reads them.
   */
  async add(user: AuthUser, dto: AddCreditRecordDto): Promise<CreditRecordView> {
    // a department records what it decided itself; others' findings arrive as their events
    if (!mayAct(user, dto.sourceDepartmentCode))
      throw new ForbiddenException(
        `sourceDepartmentCode ${dto.sourceDepartmentCode} is not your department (${user.departmentCode}): record only your own department's findings`,
      );
    const today = chinaDateOf(new Date());
    const record = await this.uow.run((change) =>
      this.insertAndGrade(change, {
        uscc: dto.uscc,
        kind: dto.kind,
        severity: dto.kind === 'bad' ? (dto.severity ?? null) : null,
        sourceType: dto.sourceType,
        sourceDepartmentCode: dto.sourceDepartmentCode,
        sourceRef: dto.sourceRef ?? null,
        sourceEventId: null,
        reason: dto.reason,
        decidedOn: dto.decidedOn,
        expiresOn: dto.expiresOn,
      }),
    );
    return CreditRecordView.of(record, today, user);
  }

  /**
   * A record another service's finding makes (告知承诺核查 …), in the consumer's inbox transaction.
   * The event id is the record's key: a redelivery, even one the inbox did not catch, makes none.
   */
  async recordFromEvent(input: RecordFromEvent, manager: EntityManager): Promise<'recorded' | 'already-recorded'> {
    return this.uow.runIn(manager, async (change) => {
      if (await manager.exists(CreditRecord, { where: { sourceEventId: input.sourceEventId } })) return 'already-recorded';
      // the same finding sent again under a new event id (a replayed outbox, a re-issued event) is the same record
      if (input.sourceRef && (await this.sameSource(manager, input))) return 'already-recorded';
      await this.insertAndGrade(change, input);
      return 'recorded';
    });
  }

  /**
   * Inserts the record, grades the subject again and publishes both: the record with the grade it
   * leads to, and the grade's change when there is one (with its history row), in one transaction.
   */
  private async insertAndGrade(change: StateChange, input: NewCreditRecord): Promise<CreditRecord> {
    const { manager } = change;
    const now = new Date();
    const today = chinaDateOf(now);
    await this.lockSubject(manager, input.uscc);
    if (input.sourceRef) await this.refuseDuplicateSource(manager, input);
    const record = manager.create(CreditRecord, { id: randomUUID(), ...input, repaired: false, repairedAt: null });
    await manager.insert(CreditRecord, record);
    const assessment = this.assess(await this.activeRecords(record.uscc, today, manager), today);
    const grade = assessment.grade;
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
        sourceEventId: record.sourceEventId,
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
    await this.regrade(change, record.uscc, record.id, assessment, now);
    return record;
  }

  /**
   * Grades the subject again (or takes the assessment just made) and, when the grade moved, writes
   * `subject_grades`, a history row, an audit entry and `credit.grade-changed.v1` in the caller's
   * transaction. `causeRecordId` names the record whose arrival, expiry or repair moved it. The
   * caller holds the subject's advisory lock.
   */
  async regrade(change: StateChange, uscc: string, causeRecordId: string, assessment?: CreditAssessment, now = new Date()): Promise<CreditAssessment> {
    const { manager } = change;
    const today = chinaDateOf(now);
    const current = assessment ?? this.assess(await this.activeRecords(uscc, today, manager), today);
    const stored = await manager.findOne(SubjectGrade, { where: { uscc } });
    const changed = gradeChange(uscc, stored, current, causeRecordId, now);
    if (!changed) return current;
    await manager.save(SubjectGrade, {
      uscc,
      grade: changed.gradeAfter,
      jointPunishment: changed.jointPunishment,
      greenChannel: changed.greenChannel,
      version: changed.version,
      changedAt: now,
    });
    await manager.insert(SubjectGradeChange, {
      uscc,
      version: changed.version,
      gradeBefore: changed.gradeBefore,
      gradeAfter: changed.gradeAfter,
      causeRecordId,
      changedAt: now,
    });
    change.audit({
      action: 'subject-grade.changed',
      resourceType: 'subject-grade',
      resourceId: uscc,
      before: stored ? { grade: stored.grade, version: stored.version } : null,
      after: { grade: changed.gradeAfter, version: changed.version, jointPunishment: changed.jointPunishment, causeRecordId },
    });
    change.publish<CreditGradeChangedV1>(Topics.credit, { type: CreditEventTypes.gradeChanged, subject: uscc, data: changed });
    return current;
  }

  /** One writer per subject at a time, so every grade computed has seen every earlier change. */
  async lockSubject(manager: EntityManager, uscc: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credit:${uscc}`]);
  }

  private sameSource(manager: EntityManager, input: Pick<NewCreditRecord, 'uscc' | 'sourceType' | 'sourceDepartmentCode' | 'sourceRef'>): Promise<boolean> {
    return manager.exists(CreditRecord, {
      where: { uscc: input.uscc, sourceType: input.sourceType, sourceDepartmentCode: input.sourceDepartmentCode, sourceRef: input.sourceRef ?? undefined },
    });
  }

  private async refuseDuplicateSource(
    manager: EntityManager,
    dto: Pick<NewCreditRecord, 'uscc' | 'sourceType' | 'sourceDepartmentCode' | 'sourceRef'>,
  ): Promise<void> {
    const existing = await manager.findOne(CreditRecord, {
      where: { uscc: dto.uscc, sourceType: dto.sourceType, sourceDepartmentCode: dto.sourceDepartmentCode, sourceRef: dto.sourceRef ?? undefined },
    });
    if (existing) {
      throw new ConflictException(
        `a credit record for ${dto.uscc} from ${dto.sourceDepartmentCode} ${dto.sourceType} ${dto.sourceRef} already exists (${existing.id})`,
      );
    }
  }

  async list(user: AuthUser, query: ListCreditRecordsQuery): Promise<Page<CreditRecordView>> {
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
    return { items: records.map((r) => CreditRecordView.of(r, today, user)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The records that count on `asOf`: decided by then, not expired, not repaired; newest first. */
  activeRecords(uscc: string, asOf: string, manager: EntityManager = this.dataSource.manager): Promise<CreditRecord[]> {
    return manager.find(CreditRecord, {
      where: { uscc, repaired: false, decidedOn: LessThanOrEqual(asOf), expiresOn: MoreThanOrEqual(asOf) },
      order: { decidedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }
}
