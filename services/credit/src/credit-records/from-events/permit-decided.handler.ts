import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedV1, ApprovalEventTypes, ApprovalRevokedV1, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError, UnitOfWork } from '@cityworks/messaging';
import { isValidUscc } from '@cityworks/platform';
import { PublicationsService } from '../../publications/publications.service';

/** 行政许可 decided: an approved permit is published (双公示); a refusal is not (不予许可 is no 许可信息). */
@Injectable()
export class PermitDecidedHandler implements IntegrationEventHandler<ApprovalDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publications: PublicationsService,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.decided, this);
  }

  async handle(event: IntegrationEvent<ApprovalDecidedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (d?.decision !== 'approved') return;
    const missing = (['applicationId', 'approvingDepartmentCode', 'ownerUscc', 'decidedAt'] as const).filter((f) => typeof d[f] !== 'string' || !d[f]);
    if (missing.length) throw new PermanentEventError(`${event.type} ${event.id} lacks ${missing.join(', ')}`);
    if (!isValidUscc(d.ownerUscc)) throw new PermanentEventError(`${event.type} ${event.id}: "${d.ownerUscc}" is not a valid 统一社会信用代码`);
    if (Number.isNaN(Date.parse(d.decidedAt))) throw new PermanentEventError(`${event.type} ${event.id}: decidedAt "${d.decidedAt}" is not an instant`);
    await this.uow.runIn(manager, (change) => this.publications.fromPermit(change, event));
  }
}

/** 撤销 of an approval: its permit publication is withdrawn (off the ladder, off the register). */
@Injectable()
export class PermitRevokedHandler implements IntegrationEventHandler<ApprovalRevokedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publications: PublicationsService,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.revoked, this);
  }

  async handle(event: IntegrationEvent<ApprovalRevokedV1>, manager: EntityManager): Promise<void> {
    if (typeof event.data?.applicationId !== 'string' || !event.data.applicationId)
      throw new PermanentEventError(`${event.type} ${event.id} lacks applicationId`);
    await this.uow.runIn(manager, (change) => this.publications.withdrawPermit(change, event));
  }
}
