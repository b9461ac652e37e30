import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { UnitOfWork } from '@cityworks/messaging';
import { Page } from '@cityworks/platform';
import { ApprovalItemsService } from '../approval-items/approval-items.service';
import { SupervisionItemsService } from '../supervision-items/supervision-items.service';
import { Region } from '../regions/region.entity';
import { ListAdjustment } from './list-adjustment.entity';
import { AdoptAdjustmentDto, DismissAdjustmentDto, ListAdjustmentsQuery, ListStatusQuery } from './dto/adjustment-requests.dto';

export interface ListStatus {
  regionCode: string;
  name: string;
  level: string;
  parentCode: string | null;
  /** 需动态调整: an open flag on either list */
  needsAdjustment: boolean;
  openApprovalItemAdjustments: number;
  openSupervisionItemAdjustments: number;
}

/** 动态调整 of lower lists: what needs adjusting, and adopting or dismissing it. */
@Injectable()
export class AdjustmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly approvalItems: ApprovalItemsService,
    private readonly supervisionItems: SupervisionItemsService,
  ) {}

  async list(query: ListAdjustmentsQuery): Promise<Page<ListAdjustment>> {
    const where: FindOptionsWhere<ListAdjustment> = { status: query.status ?? 'open' };
    if (query.regionCode) where.regionCode = query.regionCode;
    if (query.upperRegionCode) where.upperRegionCode = query.upperRegionCode;
    if (query.itemKind) where.itemKind = query.itemKind;
    if (query.itemCode) where.itemCode = query.itemCode;
    const [items, total] = await this.dataSource.getRepository(ListAdjustment).findAndCount({
      where,
      order: { raisedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Whether lists need adjusting: one list, or every list under an upper one. */
  async listStatus(query: ListStatusQuery): Promise<ListStatus[]> {
    const where: FindOptionsWhere<Region>[] = [];
    if (query.regionCode) where.push({ code: query.regionCode });
    if (query.upperRegionCode) where.push({ parentCode: query.upperRegionCode });
    const regions = await this.dataSource.getRepository(Region).find({ where: where.length ? where : undefined, order: { code: 'ASC' }, take: 1000 });
    if (!regions.length) return [];
    const counts: { region_code: string; item_kind: string; n: number }[] = await this.dataSource.query(
      `SELECT region_code, item_kind, count(*)::int AS n FROM list_adjustments WHERE status = 'open' AND region_code = ANY($1) GROUP BY region_code, item_kind`,
      [regions.map((r) => r.code)],
    );
    const count = (region: string, kind: string) => counts.find((c) => c.region_code === region && c.item_kind === kind)?.n ?? 0;
    return regions.map((r) => {
      const approval = count(r.code, 'approval-item');
      const supervision = count(r.code, 'supervision-item');
      return {
        regionCode: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        needsAdjustment: approval + supervision > 0,
        openApprovalItemAdjustments: approval,
        openSupervisionItemAdjustments: supervision,
      };
    });
  }

  async get(id: string): Promise<ListAdjustment> {
    const flag = await this.dataSource.getRepository(ListAdjustment).findOne({ where: { id } });
    if (!flag) throw new NotFoundException(`adjustment ${id} not found`);
    return flag;
  }

  /** The lower list follows the upper version from a date (keeping its own departments); the flag closes as adopted. */
  async adopt(id: string, dto: AdoptAdjustmentDto, publishedBy?: string | null) {
    const service = await this.serviceFor(id);
    return this.uow.run(async (change) => {
      const { manager } = change;
      await service.versions.lock(manager);
      const flag = await this.openFlag(manager, id);
      const version = await service.versions.adopt(change, {
        regionCode: flag.regionCode,
        upperRegionCode: flag.upperRegionCode,
        code: flag.itemCode,
        effectiveFrom: dto.effectiveFrom,
        changeNote: dto.changeNote ?? `执行上级清单第${flag.upperVersion}版`,
        publishedBy,
      });
      return { adjustment: await manager.findOneOrFail(ListAdjustment, { where: { id } }), version: service.toView(version as never) };
    });
  }

  /** The reform office decides the lower list keeps its version; the same upper version will not flag it again. */
  async dismiss(id: string, dto: DismissAdjustmentDto): Promise<ListAdjustment> {
    const service = await this.serviceFor(id);
    return this.uow.run(async (change) => {
      const { manager } = change;
      await service.versions.lock(manager);
      const flag = await this.openFlag(manager, id);
      flag.status = 'dismissed';
      flag.closedAt = new Date();
      flag.closingNote = dto.note;
      await manager.save(flag);
      change.audit({
        action: 'list-adjustment.dismissed',
        resourceType: 'list-adjustment',
        resourceId: id,
        before: { status: 'open' },
        after: { status: 'dismissed', note: dto.note },
      });
      return flag;
    });
  }

  private async serviceFor(id: string): Promise<ApprovalItemsService | SupervisionItemsService> {
    const flag = await this.get(id);
    return flag.itemKind === 'approval-item' ? this.approvalItems : this.supervisionItems;
  }

  private async openFlag(manager: EntityManager, id: string): Promise<ListAdjustment> {
    const flag = await manager.findOne(ListAdjustment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!flag) throw new NotFoundException(`adjustment ${id} not found`);
    if (flag.status !== 'open') throw new ConflictException(`adjustment ${id} is already ${flag.status}`);
    return flag;
  }
}
