import { Module } from '@nestjs/common';
import { ApplicationAcceptedHandler } from './application-accepted.handler';
import { CatalogItemChangedHandler } from './catalog-item-changed.handler';
import { ComplaintCatalog } from './complaint-catalog';
import { ComplaintRouter, REFORM_OFFICES } from './complaint-router';
import { readReformOffices } from './reform-offices';

/** Routing by 属地 and duty from complaints' event-fed copy of the catalog (ADR 0020). */
@Module({
  providers: [
    ComplaintCatalog,
    ComplaintRouter,
    CatalogItemChangedHandler,
    ApplicationAcceptedHandler,
    { provide: REFORM_OFFICES, useFactory: () => readReformOffices() },
  ],
  exports: [ComplaintRouter],
})
export class RoutingModule {}
