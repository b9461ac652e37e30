import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CheckDetails, SupervisionAction, SupervisionActionState } from '../domain/supervision-action';
import type { ActionKind } from '../domain/action-vocabulary';
import { SupervisionActionRecord } from './supervision-action.record';

function toState(r: SupervisionActionRecord): SupervisionActionState {
  return {
    id: r.id,
    kind: r.kind,
    departmentCode: r.departmentCode,
    supervisionItemCode: r.supervisionItemCode,
    planId: r.planId,
    campaignId: r.campaignId,
    subjectName: r.subjectName,
    subjectUscc: r.subjectUscc,
    legalRepresentative: r.legalRepresentative,
    regionCode: r.regionCode,
    actedAt: r.actedAt,
    details: r.details,
    status: r.status,
    reportDueAt: r.reportDueAt,
    reportedAt: r.reportedAt,
    late: r.late,
    overdueAt: r.overdueAt,
    workflowId: r.workflowId,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
  };
}

const restore = (r: SupervisionActionRecord) => SupervisionAction.restore(toState(r));

function toRecord(manager: EntityManager, action: SupervisionAction): SupervisionActionRecord {
  const s = action.snapshot;
  const details = s.details as Partial<CheckDetails> & { documentNumber?: string };
  return manager.create(SupervisionActionRecord, { ...s, documentNumber: details.documentNumber ?? null, result: details.result ?? null });
}

export interface ActionFilter {
  kind?: ActionKind;
  subjectUscc?: string;
  status?: 'recorded' | 'reported';
  /** the caller's department when it does not see all */
  department?: string;
}

@Injectable()
export class SupervisionActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, action: SupervisionAction): Promise<void> {
    await manager.insert(SupervisionActionRecord, toRecord(manager, action));
  }

  async save(manager: EntityManager, action: SupervisionAction): Promise<void> {
    await manager.save(SupervisionActionRecord, toRecord(manager, action));
  }

  async lockForChange(manager: EntityManager, id: string): Promise<SupervisionAction | null> {
    const record = await manager.findOne(SupervisionActionRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SupervisionAction | null> {
    const record = await manager.findOne(SupervisionActionRecord, { where: { id } });
    return record ? restore(record) : null;
  }

  async documentNumberTaken(manager: EntityManager, documentNumber: string): Promise<boolean> {
    return manager.exists(SupervisionActionRecord, { where: { documentNumber } });
  }

  async page(filter: ActionFilter, page: number, pageSize: number): Promise<{ items: SupervisionAction[]; total: number }> {
    const [records, total] = await this.dataSource.getRepository(SupervisionActionRecord).findAndCount({
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.subjectUscc ? { subjectUscc: filter.subjectUscc } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.department ? { departmentCode: filter.department } : {}),
      },
      order: { actedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(restore), total };
  }

  /** Reported actions of one kind whose action falls in [from, to], oldest first: what an export sends. */
  async reportedBetween(kind: ActionKind, from: Date, to: Date, department: string | undefined): Promise<SupervisionAction[]> {
    const qb = this.dataSource
      .getRepository(SupervisionActionRecord)
      .createQueryBuilder('a')
      .where("a.kind = :kind AND a.status = 'reported' AND a.acted_at BETWEEN :from AND :to", { kind, from, to })
      .orderBy('a.acted_at', 'ASC')
      .addOrderBy('a.id', 'ASC');
    if (department) qb.andWhere('a.department_code = :department', { department });
    return (await qb.getMany()).map(restore);
  }
}
