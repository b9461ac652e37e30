import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CheckResults, IntegrationEvent, SupervisionCheckRecordedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { CampaignsService } from '../campaigns.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 行政检查 recorded (by the supervision actions API) for a 双随机 check: the campaign learns that
 * department's result at that subject is in. The one contract between the two: this event.
 */
@Injectable()
export class CampaignCheckRecordedHandler implements IntegrationEventHandler<SupervisionCheckRecordedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly campaigns: CampaignsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.checkRecorded, this);
  }

  async handle(event: IntegrationEvent<SupervisionCheckRecordedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!d?.campaignId) return; // a check outside any campaign
    if (!UUID.test(d.campaignId)) return; // not one of this service's campaign ids
    if (
      typeof d.subjectUscc !== 'string' ||
      typeof d.departmentCode !== 'string' ||
      typeof d.actionId !== 'string' ||
      !CheckResults.includes(d.result) ||
      Number.isNaN(Date.parse(d.checkedAt))
    )
      throw new PermanentEventError(`supervision.check-recorded.v1 ${event.id} lacks subjectUscc, departmentCode, actionId, a known result or checkedAt`);
    await this.campaigns.recordCheckResult(d, manager);
  }
}
