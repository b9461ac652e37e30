import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedV1, ApprovalEventTypes, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';
import { CommitmentsService } from '../commitments/commitments.service';

/** What a decision must carry before a task can be opened from it; retrying cannot fix a bad one. */
export function assertDecisionPayload(data: Partial<ApprovalDecidedV1> | undefined): asserts data is ApprovalDecidedV1 {
  const missing = (
    ['applicationId', 'projectCode', 'itemCode', 'approvingDepartmentCode', 'supervisingDepartmentCode', 'regionCode', 'ownerUscc', 'decision'] as const
  ).filter((field) => typeof data?.[field] !== 'string' || !data[field]);
  if (missing.length) throw new PermanentEventError(`approval.decided.v1 lacks ${missing.join(', ')}`);
  if (Number.isNaN(Date.parse(data!.decidedAt ?? ''))) throw new PermanentEventError('approval.decided.v1 decidedAt is not a date-time');
  const days = data!.supervisionFeedbackWorkingDays;
  if (!Number.isInteger(days) || days! < 1 || days! > 365)
    throw new PermanentEventError('approval.decided.v1 supervisionFeedbackWorkingDays must be a whole number from 1 to 365');
  if (data!.decision === 'approved' && data!.onCommitment) {
    const verification = data!.commitmentVerificationWorkingDays;
    if (!Number.isInteger(verification) || verification! < 1 || verification! > 365)
      throw new PermanentEventError('approval.decided.v1 on commitment needs commitmentVerificationWorkingDays, a whole number from 1 to 365');
  }
}

/** 审批结果推送 → a supervision task for the supervising department, and a commitment to verify when approved on commitment. */
@Injectable()
export class ApprovalDecidedHandler implements IntegrationEventHandler<ApprovalDecidedV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly tasks: SupervisionTasksService,
    private readonly commitments: CommitmentsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ApprovalEventTypes.decided, this);
  }

  async handle(event: IntegrationEvent<ApprovalDecidedV1>, manager: EntityManager): Promise<void> {
    assertDecisionPayload(event.data);
    await this.tasks.openFromDecision(event.data, manager);
    // 告知承诺: the commitment is verified besides (核查), on its own deadline
    if (event.data.decision === 'approved' && event.data.onCommitment) await this.commitments.openFromDecision(event.data, manager);
  }
}
