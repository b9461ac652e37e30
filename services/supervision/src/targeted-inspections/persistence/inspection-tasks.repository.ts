import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InspectionTask, InspectionTaskSource, InspectionTaskState, InspectionTaskStatus } from '../domain/inspection-task';
import { InspectionTaskRecord } from './inspection-task.record';

const restore = (r: InspectionTaskRecord) => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { createdAt, updatedAt, ...state } = r;
  return InspectionTask.restore(state as InspectionTaskState);
};

export interface InspectionTaskFilter {
  source?: InspectionTaskSource;
  status?: InspectionTaskStatus;
  /** the caller's department when it does not see all */
  department?: string;
}

@Injectable()
export class InspectionTasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findBySource(manager: EntityManager, source: InspectionTaskSource, sourceRef: string): Promise<InspectionTask | null> {
    const record = await manager.findOne(InspectionTaskRecord, { where: { source, sourceRef } });
    return record ? restore(record) : null;
  }

  async insert(manager: EntityManager, task: InspectionTask): Promise<void> {
    await manager.insert(InspectionTaskRecord, manager.create(InspectionTaskRecord, { ...task.snapshot }));
  }

  async save(manager: EntityManager, task: InspectionTask): Promise<void> {
    await manager.save(InspectionTaskRecord, manager.create(InspectionTaskRecord, { ...task.snapshot }));
  }

  async lockForChange(manager: EntityManager, id: string): Promise<InspectionTask | null> {
    const record = await manager.findOne(InspectionTaskRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  async find(id: string): Promise<InspectionTask | null> {
    const record = await this.dataSource.getRepository(InspectionTaskRecord).findOne({ where: { id } });
    return record ? restore(record) : null;
  }

  async page(filter: InspectionTaskFilter, page: number, pageSize: number): Promise<{ items: InspectionTask[]; total: number }> {
    const [records, total] = await this.dataSource.getRepository(InspectionTaskRecord).findAndCount({
      where: {
        ...(filter.source ? { source: filter.source } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.department ? { departmentCode: filter.department } : {}),
      },
      order: { openedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(restore), total };
  }
}
