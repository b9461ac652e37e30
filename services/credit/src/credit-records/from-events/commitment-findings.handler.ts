import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommitmentBrokenV1, CommitmentKeptV1, IntegrationEvent, SupervisionEventTypes } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler } from '@cityworks/messaging';
import { CreditRecordsService } from '../credit-records.service';
import { brokenCommitmentRecord, keptCommitmentRecord } from './commitment-records';

/** 告知承诺核查 findings from supervision → 守信 / 失信 records, one per event. */
@Injectable()
export class CommitmentKeptHandler implements IntegrationEventHandler<CommitmentKeptV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.commitmentKept, this);
  }

  async handle(event: IntegrationEvent<CommitmentKeptV1>, manager: EntityManager): Promise<void> {
    await this.records.recordFromEvent(keptCommitmentRecord(event, this.records.rules.recordMonths), manager);
  }
}

@Injectable()
export class CommitmentBrokenHandler implements IntegrationEventHandler<CommitmentBrokenV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.commitmentBroken, this);
  }

  async handle(event: IntegrationEvent<CommitmentBrokenV1>, manager: EntityManager): Promise<void> {
    await this.records.recordFromEvent(brokenCommitmentRecord(event, this.records.rules.recordMonths), manager);
  }
}
