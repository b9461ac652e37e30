import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IntegrationEvent, SupervisionEventTypes, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler } from '@cityworks/messaging';
import { CreditRecordsService } from '../credit-records.service';
import { penaltyRecord } from './event-records';

/** 行政处罚 decided: a 失信 record of the severity the deciding department gave it. */
@Injectable()
export class PenaltyDecidedHandler implements IntegrationEventHandler<SupervisionPenaltyDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.penaltyDecided, this);
  }

  async handle(event: IntegrationEvent<SupervisionPenaltyDecidedV1>, manager: EntityManager): Promise<void> {
    await this.records.recordFromEvent(penaltyRecord(event, this.records.rules.recordMonths), manager);
  }
}
