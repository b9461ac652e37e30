import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalEventTypes, CreditEventTypes, CreditGradeChangedV1, IntegrationEvent, ProjectRegisteredV1 } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { isValidUscc } from '@cityworks/platform';
import { SubjectsService } from '../subjects.service';

const GRADES = ['A', 'B', 'C', 'D'];

/** 信用分级 → the 监管对象库's copy of the grade, so a draw never asks credit (the newest version kept). */
@Injectable()
export class SubjectCreditGradeHandler implements IntegrationEventHandler<CreditGradeChangedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly subjects: SubjectsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CreditEventTypes.gradeChanged, this);
  }

  async handle(event: IntegrationEvent<CreditGradeChangedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!isValidUscc(d?.uscc) || !GRADES.includes(d.gradeAfter) || !Number.isInteger(d.version) || d.version < 1 || Number.isNaN(Date.parse(d.changedAt)))
      throw new PermanentEventError(`credit.grade-changed.v1 ${event.id} lacks a valid uscc, gradeAfter, version or changedAt`);
    await this.subjects.keepGrade(manager, { uscc: d.uscc, gradeAfter: d.gradeAfter, version: d.version, changedAt: new Date(d.changedAt) });
  }
}

/** A project registered in approval: its 建设单位 joins the 监管对象库. */
@Injectable()
export class SubjectProjectOwnerHandler implements IntegrationEventHandler<ProjectRegisteredV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly subjects: SubjectsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.projectRegistered, this);
  }

  async handle(event: IntegrationEvent<ProjectRegisteredV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!isValidUscc(d?.ownerUscc) || typeof d.regionCode !== 'string' || !/^\d{6}$/.test(d.regionCode))
      throw new PermanentEventError(`approval.project-registered.v1 ${event.id} lacks a valid ownerUscc or regionCode`);
    await this.subjects.keepProjectOwner(manager, d.ownerUscc, d.regionCode);
  }
}
