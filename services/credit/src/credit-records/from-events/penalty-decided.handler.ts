import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IntegrationEvent, SupervisionEventTypes, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, UnitOfWork } from '@cityworks/messaging';
import { SubjectRegistryService } from '../../subjects/registry/subject-registry.service';
import { CreditRecordsService } from '../credit-records.service';
import { penaltyRecord } from './event-records';
import { CreditRecord } from '../credit-record.entity';
import { PublicationsService } from '../../publications/publications.service';

/**
 * 行政处罚 decided: the subject as the decision names it, a 失信 record of the severity the
 * deciding department gave it, and its 双公示 — all in the inbox transaction, so all or none.
 */
@Injectable()
export class PenaltyDecidedHandler implements IntegrationEventHandler<SupervisionPenaltyDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly records: CreditRecordsService,
    private readonly subjects: SubjectRegistryService,
    private readonly uow: UnitOfWork,
    private readonly publications: PublicationsService,
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
    // 双公示: the penalty is published within the period, tied to the record so a repair ends it
    const made = await manager.findOne(CreditRecord, {
      where: { uscc: record.uscc, sourceType: record.sourceType, sourceDepartmentCode: record.sourceDepartmentCode, sourceRef: record.sourceRef ?? undefined },
    });
    await this.uow.runIn(manager, (change) => this.publications.fromPenalty(change, event, made?.id ?? null));
  }
}
