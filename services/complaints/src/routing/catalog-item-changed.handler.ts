import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalItemSnapshot, CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError, UnitOfWork } from '@cityworks/messaging';
import { ComplaintCatalog } from './complaint-catalog';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * catalog.item-changed.v1 of an approval item → complaints' copy of that version's departments,
 * in the consumer's inbox transaction: published or amended → in force, retired → retired,
 * withdrawn → withdrawn. Supervision items are not routed on: ignored. An event without the
 * version's snapshot or its departments is parked (PermanentEventError): retrying cannot fix it.
 */
@Injectable()
export class CatalogItemChangedHandler implements IntegrationEventHandler<CatalogItemChangedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly uow: UnitOfWork,
    private readonly catalog: ComplaintCatalog,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CatalogEventTypes.itemChanged, this);
  }

  async handle(event: IntegrationEvent<CatalogItemChangedV1>, manager: EntityManager): Promise<void> {
    const data = event.data;
    if (data?.kind !== 'approval-item') return;
    const name = `catalog.item-changed.v1 of approval item ${data.code} version ${data.version} in ${data.regionCode}`;
    const s = data.snapshot as Partial<ApprovalItemSnapshot> | undefined;
    if (!s || typeof s !== 'object') throw new PermanentEventError(`${name} carries no snapshot of the version; complaints cannot route on it`);
    if (s.code !== data.code || s.regionCode !== data.regionCode || s.version !== data.version)
      throw new PermanentEventError(`${name} carries the snapshot of ${s.code} version ${s.version} in ${s.regionCode}, another version`);
    const { effectiveFrom, departmentCode, supervisingDepartmentCode } = s;
    if (!isText(effectiveFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || !isText(departmentCode) || !isText(supervisingDepartmentCode)) {
      const wrong = [
        !isText(effectiveFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) ? 'effectiveFrom (YYYY-MM-DD)' : null,
        !isText(departmentCode) ? 'departmentCode' : null,
        !isText(supervisingDepartmentCode) ? 'supervisingDepartmentCode' : null,
      ].filter(Boolean);
      throw new PermanentEventError(`${name}: the snapshot lacks or breaks ${wrong.join(', ')}`);
    }
    const kept = {
      code: data.code,
      regionCode: data.regionCode,
      version: data.version,
      effectiveFrom,
      retired: data.change === 'retired' || s.retired === true,
      withdrawn: data.change === 'withdrawn',
      implementingDepartmentCode: departmentCode,
      supervisingDepartmentCode,
    };
    await this.uow.runIn(manager, async (change) => {
      await this.catalog.keepItemVersion(change.manager, kept);
      change.audit({
        action: 'catalog-copy.item-version-received',
        resourceType: 'complaint-item-version',
        resourceId: `${kept.regionCode}/${kept.code}/${kept.version}`,
        after: {
          change: data.change,
          effectiveFrom: kept.effectiveFrom,
          retired: kept.retired,
          withdrawn: kept.withdrawn,
          implementingDepartmentCode: kept.implementingDepartmentCode,
          supervisingDepartmentCode: kept.supervisingDepartmentCode,
          catalogEventId: event.id,
        },
      });
    });
  }
}
