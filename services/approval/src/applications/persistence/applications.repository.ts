import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Application, ApplicationState, ClockStopRecord, RevocationRecord } from '../domain/application';
import { ApplicationRecord, StoredClockStop } from './application.record';

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(record: ApplicationRecord): ApplicationState {
  return {
    id: record.id,
    projectCode: record.projectCode,
    itemCode: record.itemCode,
    departmentCode: record.departmentCode,
    supervisingDepartmentCode: record.supervisingDepartmentCode,
    regionCode: record.regionCode,
    ownerUscc: record.ownerUscc,
    onCommitment: record.onCommitment,
    supervisionFeedbackWorkingDays: record.supervisionFeedbackWorkingDays,
    status: record.status,
    acceptedAt: record.acceptedAt,
    decidedAt: record.decidedAt,
    decisionReason: record.decisionReason,
    terms: record.terms,
    clockStops: record.clockStops.map((stop): ClockStopRecord => ({
      reason: stop.reason as ClockStopRecord['reason'],
      note: stop.note,
      from: new Date(stop.from),
      to: stop.to ? new Date(stop.to) : null,
    })),
    illegalClockStopAttempts: record.illegalClockStopAttempts,
    supervisionFeedback: record.supervisionFeedback ? { ...record.supervisionFeedback, givenAt: new Date(record.supervisionFeedback.givenAt) } : null,
    revocation: record.revocation
      ? { source: record.revocation.source as RevocationRecord['source'], reason: record.revocation.reason, revokedAt: new Date(record.revocation.revokedAt) }
      : null,
  };
}

function toRecord(manager: EntityManager, application: Application): ApplicationRecord {
  const { clockStops, supervisionFeedback, revocation, ...rest } = application.snapshot;
  const stored: StoredClockStop[] = clockStops.map((stop) => ({
    reason: stop.reason,
    note: stop.note,
    from: stop.from.toISOString(),
    to: stop.to?.toISOString() ?? null,
  }));
  return manager.create(ApplicationRecord, {
    ...rest,
    clockStops: stored,
    supervisionFeedback: supervisionFeedback ? { ...supervisionFeedback, givenAt: supervisionFeedback.givenAt.toISOString() } : null,
    revocation: revocation ? { ...revocation, revokedAt: revocation.revokedAt.toISOString() } : null,
  });
}

export interface ApplicationFilter {
  status?: ApplicationState['status'];
  projectCode?: string;
  /** the caller's department: applications it implements or supervises */
  department?: string;
}

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads and locks the application for a change in the caller's transaction. */
  async lockForChange(manager: EntityManager, id: string): Promise<Application | null> {
    const record = await manager.findOne(ApplicationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? Application.restore(toState(record)) : null;
  }

  async save(manager: EntityManager, application: Application): Promise<void> {
    await manager.save(ApplicationRecord, toRecord(manager, application));
  }

  async insert(manager: EntityManager, application: Application): Promise<void> {
    await manager.insert(ApplicationRecord, toRecord(manager, application));
  }

  async find(id: string): Promise<Application | null> {
    const record = await this.dataSource.getRepository(ApplicationRecord).findOne({ where: { id } });
    return record ? Application.restore(toState(record)) : null;
  }

  /** Applications with refused clock-stop attempts (不得违规暂停计时), most attempts first. */
  async withIllegalClockStopAttempts(department: string | undefined, page: number, pageSize: number): Promise<{ items: Application[]; total: number }> {
    const qb = this.dataSource.getRepository(ApplicationRecord).createQueryBuilder('a').where('a.illegal_clock_stop_attempts > 0');
    if (department) qb.andWhere('(a.department_code = :department OR a.supervising_department_code = :department)', { department });
    const [records, total] = await qb
      .orderBy('a.illegal_clock_stop_attempts', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map((r) => Application.restore(toState(r))), total };
  }

  /** Applications accepted in [from, to), for reports; the caller's department only unless undefined. */
  async acceptedBetween(from: Date, to: Date, department: string | undefined): Promise<ApplicationState[]> {
    const qb = this.dataSource.getRepository(ApplicationRecord).createQueryBuilder('a').where('a.accepted_at >= :from AND a.accepted_at < :to', { from, to });
    if (department) qb.andWhere('(a.department_code = :department OR a.supervising_department_code = :department)', { department });
    return (await qb.orderBy('a.accepted_at', 'ASC').getMany()).map(toState);
  }

  async page(filter: ApplicationFilter, page: number, pageSize: number): Promise<{ items: Application[]; total: number }> {
    const base: FindOptionsWhere<ApplicationRecord> = {};
    if (filter.status) base.status = filter.status;
    if (filter.projectCode) base.projectCode = filter.projectCode;
    const where = filter.department
      ? [
          { ...base, departmentCode: filter.department },
          { ...base, supervisingDepartmentCode: filter.department },
        ]
      : base;
    const [records, total] = await this.dataSource.getRepository(ApplicationRecord).findAndCount({
      where,
      order: { acceptedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map((r) => Application.restore(toState(r))), total };
  }
}
