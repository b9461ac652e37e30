import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PoolKind, PoolMemberState } from '../domain/pool-member';
import { PoolMemberRecord } from './pool-member.record';

const toState = (r: PoolMemberRecord): PoolMemberState => ({ ...r });

export interface PoolFilter {
  kind: PoolKind;
  departmentCodes?: string[];
  regionCode?: string;
  specialty?: string;
}

@Injectable()
export class PoolMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, m: PoolMemberState): Promise<void> {
    await manager.insert(PoolMemberRecord, { ...m });
  }

  async save(manager: EntityManager, m: PoolMemberState): Promise<void> {
    await manager.save(PoolMemberRecord, { ...m });
  }

  async lock(manager: EntityManager, kind: PoolKind, id: string): Promise<PoolMemberState | null> {
    const r = await manager.findOne(PoolMemberRecord, { where: { id, kind }, lock: { mode: 'pessimistic_write' } });
    return r ? toState(r) : null;
  }

  async certificateTaken(manager: EntityManager, kind: PoolKind, certificateNumber: string): Promise<boolean> {
    return manager.exists(PoolMemberRecord, { where: { kind, certificateNumber } });
  }

  private filtered(manager: EntityManager, f: PoolFilter) {
    const q = manager.createQueryBuilder(PoolMemberRecord, 'm').where('m.kind = :kind', { kind: f.kind });
    if (f.departmentCodes?.length) q.andWhere('m.department_code IN (:...departments)', { departments: f.departmentCodes });
    if (f.regionCode) q.andWhere('m.region_code = :region', { region: f.regionCode });
    if (f.specialty) q.andWhere('m.specialties @> CAST(:specialty AS jsonb)', { specialty: JSON.stringify([f.specialty]) });
    return q;
  }

  async page(f: PoolFilter, page: number, pageSize: number): Promise<{ items: PoolMemberState[]; total: number }> {
    const [records, total] = await this.filtered(this.dataSource.manager, f)
      .orderBy('m.certificate_number', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map(toState), total };
  }

  /** The pool a draw chooses from. */
  async all(manager: EntityManager, f: PoolFilter): Promise<PoolMemberState[]> {
    return (await this.filtered(manager, f).orderBy('m.id', 'ASC').getMany()).map(toState);
  }
}
