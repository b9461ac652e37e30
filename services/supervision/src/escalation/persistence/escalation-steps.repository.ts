import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { EscalationStep, EscalationStepKind, EscalationStepState } from '../domain/escalation-step';
import { EscalationStepRecord } from './escalation-step.record';

function toState(r: EscalationStepRecord): EscalationStepState {
  return {
    id: r.id,
    claimKey: r.claimKey,
    step: r.step,
    obligation: {
      kind: r.obligationKind,
      id: r.obligationId,
      title: r.obligationTitle,
      regionCode: r.regionCode,
      projectCode: r.projectCode,
      itemCode: r.itemCode,
    },
    departmentCode: r.departmentCode,
    dueAt: r.dueAt,
    letterId: r.letterId,
    firedAt: r.firedAt,
  };
}

function toRecord(s: EscalationStepState): EscalationStepRecord {
  return Object.assign(new EscalationStepRecord(), {
    id: s.id,
    claimKey: s.claimKey,
    step: s.step,
    obligationKind: s.obligation.kind,
    obligationId: s.obligation.id,
    obligationTitle: s.obligation.title,
    departmentCode: s.departmentCode,
    regionCode: s.obligation.regionCode,
    projectCode: s.obligation.projectCode,
    itemCode: s.obligation.itemCode,
    dueAt: s.dueAt,
    letterId: s.letterId,
    firedAt: s.firedAt,
  });
}

export interface EscalationStepFilter {
  departmentCode?: string;
  step?: EscalationStepKind;
  from?: Date;
  to?: Date;
}

/** The ledger of rungs fired; a rung is claimed by inserting it, never by reading first. */
@Injectable()
export class EscalationStepsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the rung unless its claim key is taken: false when another call (a retry, a replay,
   * a concurrent worker) claimed it first. A claim still being written by an open transaction
   * makes this wait for it, so two callers never both see themselves first.
   */
  async claim(manager: EntityManager, step: EscalationStep): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(EscalationStepRecord)
      .values(toRecord(step.snapshot))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async findByClaimKey(manager: EntityManager, claimKey: string): Promise<EscalationStep | null> {
    const record = await manager.findOne(EscalationStepRecord, { where: { claimKey } });
    return record ? EscalationStep.restore(toState(record)) : null;
  }

  async page(filter: EscalationStepFilter, page: number, pageSize: number): Promise<{ items: EscalationStep[]; total: number }> {
    const where: FindOptionsWhere<EscalationStepRecord> = {};
    if (filter.departmentCode) where.departmentCode = filter.departmentCode;
    if (filter.step) where.step = filter.step;
    if (filter.from && filter.to) where.firedAt = Between(filter.from, filter.to);
    else if (filter.from) where.firedAt = MoreThanOrEqual(filter.from);
    else if (filter.to) where.firedAt = LessThanOrEqual(filter.to);
    const [records, total] = await this.dataSource.getRepository(EscalationStepRecord).findAndCount({
      where,
      order: { firedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map((r) => EscalationStep.restore(toState(r))), total };
  }
}
