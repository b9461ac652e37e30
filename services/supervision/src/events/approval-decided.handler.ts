import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedV1, ApprovalEventTypes, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler } from '@cityworks/messaging';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';

/** 审批结果推送 → a supervision task for the supervising department. */
@Injectable()
export class ApprovalDecidedHandler implements IntegrationEventHandler<ApprovalDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly tasks: SupervisionTasksService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.decided, this);
  }

  async handle(event: IntegrationEvent<ApprovalDecidedV1>, manager: EntityManager): Promise<void> {
    await this.tasks.openFromDecision(event.data, manager);
  }
}
