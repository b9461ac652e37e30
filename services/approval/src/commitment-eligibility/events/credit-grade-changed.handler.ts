import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditEventTypes, CreditGradeChangedV1, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { isValidUscc } from '@cityworks/platform';
import { SubjectCreditGradesRepository } from '../persistence/subject-credit-grades.repository';

const GRADES = ['A', 'B', 'C', 'D'];

/** 信用分级 → approval's read model, so 受理 asks no other service (一处失信、处处受限). */
@Injectable()
export class CreditGradeChangedHandler implements IntegrationEventHandler<CreditGradeChangedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly grades: SubjectCreditGradesRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CreditEventTypes.gradeChanged, this);
  }

  async handle(event: IntegrationEvent<CreditGradeChangedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!isValidUscc(d?.uscc) || !GRADES.includes(d.gradeAfter) || !Number.isInteger(d.version) || d.version < 1 || Number.isNaN(Date.parse(d.changedAt)))
      throw new PermanentEventError(`credit.grade-changed.v1 ${event.id} lacks a valid uscc, gradeAfter, version or changedAt`);
    await this.grades.keep(manager, { ...d, jointPunishment: d.jointPunishment === true, greenChannel: d.greenChannel === true });
  }
}
