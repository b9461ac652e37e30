import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuthUser, Topics } from '@cityworks/contracts';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { departmentFilter, mayAct, mayRead, Page } from '@cityworks/platform';
import { CreditRecord } from '../credit-records/credit-record.entity';
import { CreditRecordsService } from '../credit-records/credit-records.service';
import { CreditRepair, CreditRepairState } from './domain/credit-repair';
import { CreditRepairRecord } from './credit-repair.entity';
import { CreditRepairConfig } from './credit-repair.config';
import { ApplyForRepairDto } from './dto/apply-for-repair.dto';
import { DecideRepairDto } from './dto/decide-repair.dto';
import { ListCreditRepairsQuery } from './dto/list-credit-repairs.query';
import { CreditRepairView } from './dto/credit-repair.view';

const RESOURCE = 'credit-repair';

/**
 * 信用修复: files applications and records the credit office's decisions. 谁认定、谁修复: the
 * department that decided a record handles its repair (the 工改办 and `system` any). The rules are
 * the domain model's; this loads, locks, saves and records.
 */
@Injectable()
export class CreditRepairsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: CreditRecordsService,
    private readonly config: CreditRepairConfig,
  ) {}

  async apply(user: AuthUser, recordId: string, dto: ApplyForRepairDto): Promise<CreditRepairView> {
    const row = await this.uow.run(async (change) => {
      const { manager } = change;
      const unlocked = await manager.findOne(CreditRecord, { where: { id: recordId } });
      if (!unlocked) throw new NotFoundException(`credit record ${recordId} not found`);
      this.refuseOtherDepartment(user, unlocked.sourceDepartmentCode);
      // under the subject's lock a decision on the same record cannot slip in between the checks and the insert
      await this.records.lockSubject(manager, unlocked.uscc);
      const record = await manager.findOneOrFail(CreditRecord, { where: { id: recordId } });
      const open = await manager.findOne(CreditRepairRecord, { where: { recordId, status: 'pending' }, select: { id: true } });
      const { repair, transition } = CreditRepair.apply(
        record,
        open?.id ?? null,
        {
          applicantName: dto.applicantName,
          correction: dto.correction,
          evidence: dto.evidence.map((e) => ({ ...e, title: e.title ?? null })),
          appliedBy: user.userId,
        },
        this.config.terms,
        randomUUID(),
        new Date(),
      );
      await manager.insert(CreditRepairRecord, this.toRow(repair.snapshot));
      change.record({ type: RESOURCE, id: repair.snapshot.id }, transition, Topics.credit);
      return manager.findOneOrFail(CreditRepairRecord, { where: { id: repair.snapshot.id } });
    });
    return CreditRepairView.of(row);
  }

  /**
   * Approves or refuses. An approval marks the record repaired and grades the subject again in the
   * same transaction, so the grade announced has already stopped counting the record.
   */
  async decide(user: AuthUser, id: string, dto: DecideRepairDto): Promise<CreditRepairView> {
    const row = await this.uow.run(async (change) => {
      const { manager } = change;
      const unlocked = await this.findVisible(user, id, manager);
      this.refuseOtherDepartment(user, unlocked.departmentCode);
      await this.records.lockSubject(manager, unlocked.uscc);
      const repair = CreditRepair.restore(this.toState(await manager.findOneOrFail(CreditRepairRecord, { where: { id } })));
      const now = new Date();
      const { transition, recordRepaired } = repair.decide({ decision: dto.decision, reason: dto.reason, decidedBy: user.userId }, now);
      const s = repair.snapshot;
      await manager.update(CreditRepairRecord, { id }, { status: s.status, decisionReason: s.decisionReason, decidedAt: s.decidedAt, decidedBy: s.decidedBy });
      change.record({ type: RESOURCE, id }, transition, Topics.credit);
      if (recordRepaired) await this.repairRecord(change, s.uscc, id, recordRepaired.recordId, recordRepaired.repairedAt);
      return manager.findOneOrFail(CreditRepairRecord, { where: { id } });
    });
    return CreditRepairView.of(row);
  }

  private async repairRecord(change: StateChange, uscc: string, repairId: string, recordId: string, repairedAt: Date): Promise<void> {
    await change.manager.update(CreditRecord, { id: recordId }, { repaired: true, repairedAt });
    // the record's own history shows why it stopped counting
    change.audit({
      action: 'credit-record.repaired',
      resourceType: 'credit-record',
      resourceId: recordId,
      before: { repaired: false },
      after: { repaired: true, repairedAt: repairedAt.toISOString(), repairId },
    });
    await this.records.regrade(change, uscc, recordId, undefined, repairedAt);
  }

  async get(user: AuthUser, id: string): Promise<CreditRepairView> {
    return CreditRepairView.of(await this.findVisible(user, id, this.dataSource.manager));
  }

  async list(user: AuthUser, query: ListCreditRepairsQuery): Promise<Page<CreditRepairView>> {
    const where: FindOptionsWhere<CreditRepairRecord> = {};
    const department = departmentFilter(user);
    if (department) where.departmentCode = department;
    if (query.status) where.status = query.status;
    if (query.uscc) where.uscc = query.uscc;
    const [rows, total] = await this.dataSource.getRepository(CreditRepairRecord).findAndCount({
      where,
      order: { appliedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map((r) => CreditRepairView.of(r)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Another department's application answers 404, like anything it does not own. */
  private async findVisible(user: AuthUser, id: string, manager: EntityManager): Promise<CreditRepairRecord> {
    const row = await manager.findOne(CreditRepairRecord, { where: { id } });
    if (!row || !mayRead(user, row.departmentCode)) throw new NotFoundException(`credit repair ${id} not found`);
    return row;
  }

  private refuseOtherDepartment(user: AuthUser, departmentCode: string): void {
    if (!mayAct(user, departmentCode))
      throw new ForbiddenException(
        `the record was decided by ${departmentCode}, not your department (${user.departmentCode}): its repair is theirs (谁认定、谁修复)`,
      );
  }

  private toRow(s: Readonly<CreditRepairState>): Partial<CreditRepairRecord> {
    return { ...s, evidence: s.evidence.map((e) => ({ ...e })) };
  }

  private toState(r: CreditRepairRecord): CreditRepairState {
    const {
      id,
      recordId,
      uscc,
      departmentCode,
      recordDecidedOn,
      status,
      applicantName,
      correction,
      evidence,
      appliedAt,
      appliedBy,
      decisionReason,
      decidedAt,
      decidedBy,
    } = r;
    return {
      id,
      recordId,
      uscc,
      departmentCode,
      recordDecidedOn,
      status,
      applicantName,
      correction,
      evidence,
      appliedAt,
      appliedBy,
      decisionReason,
      decidedAt,
      decidedBy,
    };
  }
}
