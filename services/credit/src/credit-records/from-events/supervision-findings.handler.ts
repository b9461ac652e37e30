import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintEventTypes, ComplaintUpheldV1, IntegrationEvent, SupervisionCheckRecordedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler } from '@cityworks/messaging';
import { CreditRecordsService } from '../credit-records.service';
import { checkRecord, upheldComplaintRecord } from './event-records';

/** 行政检查 results from supervision: a violation found is a 一般 失信; other results make no record. */
@Injectable()
export class CheckRecordedHandler implements IntegrationEventHandler<SupervisionCheckRecordedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.checkRecorded, this);
  }

  async handle(event: IntegrationEvent<SupervisionCheckRecordedV1>, manager: EntityManager): Promise<void> {
    const record = checkRecord(event, this.records.rules.recordMonths);
    if (record) await this.records.recordFromEvent(record, manager);
  }
}

/** 投诉举报属实 against a named subject: a 一般 失信 decided by the handling department. */
@Injectable()
export class ComplaintUpheldHandler implements IntegrationEventHandler<ComplaintUpheldV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ComplaintEventTypes.upheld, this);
  }

  async handle(event: IntegrationEvent<ComplaintUpheldV1>, manager: EntityManager): Promise<void> {
    const record = upheldComplaintRecord(event, this.records.rules.recordMonths);
    if (record) await this.records.recordFromEvent(record, manager);
  }
}
