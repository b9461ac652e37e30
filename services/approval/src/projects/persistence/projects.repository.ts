import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ProjectType } from '@cityworks/contracts';
import { RecordReads } from '@cityworks/platform';
import { Project, ProjectState } from '../domain/project';
import { ProjectRecord } from './project.record';

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(record: ProjectRecord): ProjectState {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    type: record.type,
    regionCode: record.regionCode,
    ownerUscc: record.ownerUscc,
    facts: { ...record.facts },
    status: record.status,
    stage: record.stage,
    registeredAt: record.registeredAt,
    factsChangedAt: record.factsChangedAt,
  };
}

const restore = (record: ProjectRecord) => Project.restore(toState(record));

export interface ProjectFilter {
  type?: ProjectType;
  regionCode?: string;
  ownerUscc?: string;
  /** the caller's region, for those who see only their own; both regions must match */
  scopeRegion?: string;
}

@Injectable()
export class ProjectsRepository {
  private reads?: RecordReads<ProjectRecord>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads and locks the project for a change in the caller's transaction. */
  async lockForChange(manager: EntityManager, code: string): Promise<Project | null> {
    const record = await manager.findOne(ProjectRecord, { where: { code }, lock: { mode: 'pessimistic_write' } });
    return record ? restore(record) : null;
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager.exists(ProjectRecord, { where: { code } });
  }

  async insert(manager: EntityManager, project: Project): Promise<void> {
    await manager.insert(ProjectRecord, manager.create(ProjectRecord, { ...project.snapshot }));
  }

  async save(manager: EntityManager, project: Project): Promise<void> {
    await manager.save(ProjectRecord, manager.create(ProjectRecord, { ...project.snapshot }));
  }

  /** Reads the project in the caller's transaction and keeps it from changing until commit. */
  async readForShare(manager: EntityManager, code: string): Promise<Project | null> {
    const record = await manager.findOne(ProjectRecord, { where: { code }, lock: { mode: 'pessimistic_read' } });
    return record ? restore(record) : null;
  }

  async findByCode(code: string): Promise<Project | null> {
    // every read of a project starts here: SQL made once (RecordReads), not per call
    this.reads ??= new RecordReads(this.dataSource, ProjectRecord);
    const record = await this.reads.one('code = $1', [code]);
    return record ? restore(record) : null;
  }

  async page(filter: ProjectFilter, page: number, pageSize: number): Promise<{ items: Project[]; total: number }> {
    if (filter.regionCode && filter.scopeRegion && filter.regionCode !== filter.scopeRegion) return { items: [], total: 0 };
    const where: FindOptionsWhere<ProjectRecord> = {};
    if (filter.type) where.type = filter.type;
    const region = filter.scopeRegion ?? filter.regionCode;
    if (region) where.regionCode = region;
    if (filter.ownerUscc) where.ownerUscc = filter.ownerUscc;
    const [records, total] = await this.dataSource.getRepository(ProjectRecord).findAndCount({
      where,
      order: { registeredAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(restore), total };
  }
}
