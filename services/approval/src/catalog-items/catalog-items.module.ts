import { Module } from '@nestjs/common';
import { ApprovalItemCatalog } from './approval-item-catalog';
import { ApprovalItemVersionsRepository } from './approval-item-versions.repository';
import { CatalogItemChangedHandler } from './catalog-item-changed.handler';

/** Approval's own copy of the 审批事项清单, fed by the catalog's events (ADR 0013); other modules read it through {@link ApprovalItemCatalog}. */
@Module({
  providers: [ApprovalItemCatalog, ApprovalItemVersionsRepository, CatalogItemChangedHandler],
  exports: [ApprovalItemCatalog],
})
export class CatalogItemsModule {}
