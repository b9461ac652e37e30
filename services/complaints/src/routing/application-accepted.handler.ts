import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationAcceptedV1, ApprovalEventTypes, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { ComplaintCatalog } from './complaint-catalog';

/**
 * approval.application-accepted.v1 → which item a project applied for, where: a complaint that
 * names a project but no item is routed by the project's latest accepted application. Ids and
 * codes only; a redelivery is absorbed by the inbox and by the application id.
 */
@Injectable()
export class ApplicationAcceptedHandler implements IntegrationEventHandler<ApplicationAcceptedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly catalog: ComplaintCatalog,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.applicationAccepted, this);
  }

  async handle(event: IntegrationEvent<ApplicationAcceptedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const missing = (['applicationId', 'projectCode', 'itemCode', 'regionCode', 'acceptedAt'] as const).filter((k) => typeof d?.[k] !== 'string' || !d[k]);
    if (missing.length) throw new PermanentEventError(`approval.application-accepted.v1 ${event.id} lacks ${missing.join(', ')}`);
    if (Number.isNaN(Date.parse(d.acceptedAt))) throw new PermanentEventError(`approval.application-accepted.v1 ${event.id}: acceptedAt is not a date-time`);
    await this.catalog.keepProjectItem(manager, d);
  }
}
