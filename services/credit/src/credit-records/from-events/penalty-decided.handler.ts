import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IntegrationEvent, SupervisionEventTypes, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, UnitOfWork } from '@cityworks/messaging';
import { SubjectRegistryService } from '../../subjects/registry/subject-registry.service';
import { CreditRecordsService } from '../credit-records.service';
import { penaltyRecord } from './event-records';

/** 行政处罚 decided: the subject as the decision names it, and a 失信 record of the severity the deciding department gave it. */
@Injectable()
export class PenaltyDecidedHandler implements IntegrationEventHandler<SupervisionPenaltyDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
    private readonly subjects: SubjectRegistryService,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.penaltyDecided, this);
  }

  async handle(event: IntegrationEvent<SupervisionPenaltyDecidedV1>, manager: EntityManager): Promise<void> {
    const record = penaltyRecord(event, this.records.rules.recordMonths);
    // the decision names the 行政相对人: the credit office learns (or refreshes) the subject from it
    await this.uow.runIn(manager, (change) =>
      this.subjects.learn(change, {
        uscc: record.uscc,
        name: event.data.subjectName?.trim() || record.uscc,
        legalRepresentative: event.data.legalRepresentative?.trim() || null,
        regionCode: null,
        asOf: new Date(event.data.decidedAt),
        source: 'event',
      }),
    );
    await this.records.recordFromEvent(record, manager);
  }
}
