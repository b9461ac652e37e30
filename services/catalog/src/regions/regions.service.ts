import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { Page } from '@cityworks/platform';
import { fieldError, invalid } from '@cityworks/platform';
import { Region } from './region.entity';
import { UpsertRegionDto } from './dto/upsert-region.dto';
import { ListRegionsQuery } from './dto/list-regions.query';

/** Which parent level each level needs; lists flow down this hierarchy. */
const PARENT_LEVEL: Record<Region['level'], Region['level'][] | null> = {
  省: null,
  市: ['省'],
  区县: ['市'],
  开发区: ['市'],
};

@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async upsert(code: string, dto: UpsertRegionDto, outer?: EntityManager): Promise<Region> {
    const work = (change: StateChange) => this.upsertIn(change, code, dto);
    return outer ? this.uow.runIn(outer, work) : this.uow.run(work);
  }

  private async upsertIn(change: StateChange, code: string, dto: UpsertRegionDto): Promise<Region> {
    const { manager } = change;
    const parentCode = dto.parentCode ?? null;
    const allowedParents = PARENT_LEVEL[dto.level];
    if (parentCode === code) throw invalid([fieldError('parentCode', 'notSelf', 'parentCode must not be the region itself')]);
    if (parentCode) {
      const parent = await manager.findOne(Region, { where: { code: parentCode } });
      if (!parent) throw invalid([fieldError('parentCode', 'exists', `parentCode ${parentCode} is not a known region`)]);
      if (!allowedParents?.includes(parent.level)) {
        throw invalid([fieldError('parentCode', 'parentLevel', `a ${dto.level} cannot sit under a ${parent.level}`)]);
      }
    } else if (dto.level === '区县' || dto.level === '开发区') {
      throw invalid([fieldError('parentCode', 'required', `parentCode is required for a ${dto.level}`)]);
    }
    const existing = await manager.findOne(Region, { where: { code } });
    if (existing && dto.level !== '省' && dto.level !== '市' && (await manager.count(Region, { where: { parentCode: code } })) > 0) {
      throw invalid([fieldError('level', 'hasLowerRegions', `${code} has regions under it and must stay a 省 or 市`)]);
    }
    await manager.upsert(Region, { code, name: dto.name, level: dto.level, parentCode }, ['code']);
    change.audit({
      action: existing ? 'region.updated' : 'region.created',
      resourceType: 'region',
      resourceId: code,
      before: existing ? { name: existing.name, level: existing.level, parentCode: existing.parentCode } : null,
      after: { name: dto.name, level: dto.level, parentCode },
    });
    return manager.findOneOrFail(Region, { where: { code } });
  }

  async get(code: string, manager: EntityManager = this.dataSource.manager): Promise<Region> {
    const region = await manager.findOne(Region, { where: { code } });
    if (!region) throw new NotFoundException(`region ${code} not found`);
    return region;
  }

  async list(query: ListRegionsQuery): Promise<Page<Region>> {
    const where: FindOptionsWhere<Region> = {};
    if (query.level) where.level = query.level;
    if (query.parentCode) where.parentCode = query.parentCode;
    const [items, total] = await this.dataSource.getRepository(Region).findAndCount({
      where,
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The region and every region above it, nearest first: the lists it inherits from. */
  async chain(code: string, manager: EntityManager = this.dataSource.manager): Promise<string[] | undefined> {
    const rows: { code: string }[] = await manager.query(
      `WITH RECURSIVE up(code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code WHERE up.depth < 10
       ) SELECT code FROM up ORDER BY depth`,
      [code],
    );
    return rows.length ? rows.map((r) => r.code) : undefined;
  }

  async children(code: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(Region, { where: { parentCode: code }, order: { code: 'ASC' } });
    return rows.map((r) => r.code);
  }
}
