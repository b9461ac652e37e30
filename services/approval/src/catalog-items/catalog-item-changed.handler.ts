import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, UnitOfWork } from '@cityworks/messaging';
import { approvalItemVersionChange } from './approval-item-change';
import { ApprovalItemVersionsRepository } from './approval-item-versions.repository';

/**
 * catalog.item-changed.v1 of an approval item → approval's copy of that version, in the
 * consumer's inbox transaction: published or amended → kept (again in force), retired → kept
 * retired, withdrawn → kept withdrawn. Supervision items are not approval's: ignored. An event
 * without the version's snapshot is parked (PermanentEventError).
 */
@Injectable()
export class CatalogItemChangedHandler implements IntegrationEventHandler<CatalogItemChangedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly uow: UnitOfWork,
    private readonly versions: ApprovalItemVersionsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CatalogEventTypes.itemChanged, this);
  }

  async handle(event: IntegrationEvent<CatalogItemChangedV1>, manager: EntityManager): Promise<void> {
    if (event.data?.kind !== 'approval-item') return;
    const kept = approvalItemVersionChange(event.data);
    await this.uow.runIn(manager, async (change) => {
      await this.versions.keep(change.manager, kept);
      const { snapshot } = kept;
      change.audit({
        action: 'catalog-copy.item-version-received',
        resourceType: 'approval-item-version',
        resourceId: `${snapshot.regionCode}/${snapshot.code}/${snapshot.version}`,
        after: {
          change: event.data.change,
          effectiveFrom: snapshot.effectiveFrom,
          retired: kept.retired,
          withdrawn: kept.withdrawn,
          catalogEventId: event.id,
        },
      });
    });
  }
}
