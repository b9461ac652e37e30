import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent, SupervisionItemSnapshot } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError, UnitOfWork } from '@cityworks/messaging';
import { SupervisionItemVersionRecord } from './supervision-item-version.record';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * catalog.item-changed.v1 of a supervision item → supervision's copy of that version, in the
 * consumer's inbox transaction: published or amended → in force (a reused number replaces the
 * withdrawn one), retired → retired, withdrawn → withdrawn. Approval items are ignored. An event
 * without the version's snapshot or its department is parked: retrying cannot fix it.
 */
@Injectable()
export class SupervisionItemChangedHandler implements IntegrationEventHandler<CatalogItemChangedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CatalogEventTypes.itemChanged, this);
  }

  async handle(event: IntegrationEvent<CatalogItemChangedV1>, manager: EntityManager): Promise<void> {
    const data = event.data;
    if (data?.kind !== 'supervision-item') return;
    const name = `catalog.item-changed.v1 of supervision item ${data.code} version ${data.version} in ${data.regionCode}`;
    const s = data.snapshot as Partial<SupervisionItemSnapshot> | undefined;
    if (!s || typeof s !== 'object') throw new PermanentEventError(`${name} carries no snapshot of the version`);
    if (s.code !== data.code || s.regionCode !== data.regionCode || s.version !== data.version)
      throw new PermanentEventError(`${name} carries the snapshot of ${s.code} version ${s.version} in ${s.regionCode}, another version`);
    const wrong = [
      !isText(s.effectiveFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(s.effectiveFrom) ? 'effectiveFrom (YYYY-MM-DD)' : null,
      !isText(s.departmentCode) ? 'departmentCode' : null,
      !isText(s.name) ? 'name' : null,
      !/^\d{6}$/.test(data.regionCode ?? '') ? 'regionCode (6 digits)' : null,
    ].filter(Boolean);
    if (wrong.length) throw new PermanentEventError(`${name}: the snapshot lacks or breaks ${wrong.join(', ')}`);
    const { name: itemName, departmentCode, effectiveFrom } = s as SupervisionItemSnapshot;
    const kept: SupervisionItemVersionRecord = {
      code: data.code,
      regionCode: data.regionCode,
      version: data.version,
      name: itemName.slice(0, 200),
      departmentCode,
      effectiveFrom,
      retired: data.change === 'retired' || s.retired === true,
      withdrawn: data.change === 'withdrawn',
      catalogEventId: event.id,
    };
    await this.uow.runIn(manager, async (change) => {
      await change.manager.upsert(SupervisionItemVersionRecord, kept, ['code', 'regionCode', 'version']);
      change.audit({
        action: 'catalog-copy.supervision-item-version-received',
        resourceType: 'supervision-item-version',
        resourceId: `${kept.regionCode}/${kept.code}/${kept.version}`,
        after: {
          change: data.change,
          effectiveFrom: kept.effectiveFrom,
          departmentCode: kept.departmentCode,
          retired: kept.retired,
          withdrawn: kept.withdrawn,
          catalogEventId: event.id,
        },
      });
    });
  }
}
