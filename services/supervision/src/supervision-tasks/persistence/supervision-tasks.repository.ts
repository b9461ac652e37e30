import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { SupervisionTask, SupervisionTaskState, SupervisionTaskStatus } from '../domain/supervision-task';
import { SupervisionTaskRecord } from './supervision-task.record';

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(r: SupervisionTaskRecord): SupervisionTaskState {
  return {
    id: r.id,
    applicationId: r.applicationId,
    projectCode: r.projectCode,
    itemCode: r.itemCode,
    departmentCode: r.departmentCode,
    approvingDepartmentCode: r.approvingDepartmentCode,
    regionCode: r.regionCode,
    ownerUscc: r.ownerUscc,
    decision: r.decision,
    onCommitment: r.onCommitment,
    status: r.status,
    dueAt: r.dueAt,
    dueProvisional: r.dueProvisional,
    decidedAt: r.decidedAt,
    feedbackWorkingDays: r.feedbackWorkingDays,
    workflowId: r.workflowId,
    feedbackOutcome: r.feedbackOutcome,
    feedbackAt: r.feedbackAt,
    overdueAt: r.overdueAt,
  };
}

const restore = (r: SupervisionTaskRecord) => SupervisionTask.restore(toState(r));

export interface SupervisionTaskFilter {
  status?: SupervisionTaskStatus;
  departmentCode?: string;
  applicationId?: string;
  /** the caller's department: tasks it supervises, or follows as the approving department */
  department?: string;
}

@Injectable()
export class SupervisionTasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exists(manager: EntityManager, id: string): Promise<SupervisionTask | null> {
    const record = await manager.findOne(SupervisionTaskRecord, { where: { id } });
    return record ? restore(record) : null;
  }

  /** Loads and locks the task for a change in the caller's transaction. */
  async lockForChange(manager: EntityManager, id: string): Promise<SupervisionTask | null> {
    const record = await manager.findOne(SupervisionTaskRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  /**
   * Open tasks whose working-day count runs through `year` (decided in or before it, due in or
   * after it, in China's time zone): the ones a change of that year's holidays can move.
   */
  async lockOpenCountingThrough(manager: EntityManager, year: number): Promise<SupervisionTask[]> {
    const records = await manager
      .createQueryBuilder(SupervisionTaskRecord, 't')
      .setLock('pessimistic_write')
      .where("t.status = 'open' AND t.decided_at IS NOT NULL AND t.feedback_working_days IS NOT NULL")
      .andWhere("extract(year FROM t.decided_at AT TIME ZONE 'Asia/Shanghai') <= :year", { year })
      .andWhere("extract(year FROM t.due_at AT TIME ZONE 'Asia/Shanghai') >= :year", { year })
      .orderBy('t.id')
      .getMany();
    return records.map(restore);
  }

  async insert(manager: EntityManager, task: SupervisionTask): Promise<void> {
    await manager.insert(SupervisionTaskRecord, manager.create(SupervisionTaskRecord, { ...task.snapshot }));
  }

  async save(manager: EntityManager, task: SupervisionTask): Promise<void> {
    await manager.save(SupervisionTaskRecord, manager.create(SupervisionTaskRecord, { ...task.snapshot }));
  }

  async find(id: string): Promise<SupervisionTask | null> {
    const record = await this.dataSource.getRepository(SupervisionTaskRecord).findOne({ where: { id } });
    return record ? restore(record) : null;
  }

  async page(filter: SupervisionTaskFilter, page: number, pageSize: number): Promise<{ items: SupervisionTask[]; total: number }> {
    const base: FindOptionsWhere<SupervisionTaskRecord> = {};
    if (filter.status) base.status = filter.status;
    if (filter.departmentCode) base.departmentCode = filter.departmentCode;
    if (filter.applicationId) base.applicationId = filter.applicationId;
    let where: FindOptionsWhere<SupervisionTaskRecord> | FindOptionsWhere<SupervisionTaskRecord>[] = base;
    if (filter.department) {
      where = [{ ...base, approvingDepartmentCode: filter.department }];
      if (!filter.departmentCode || filter.departmentCode === filter.department) where.push({ ...base, departmentCode: filter.department });
    }
    const [records, total] = await this.dataSource.getRepository(SupervisionTaskRecord).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(restore), total };
  }
}
