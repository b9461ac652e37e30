import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IntegrationEvent, SupervisionEventTypes, SupervisionFeedbackGivenV1 } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { ApplicationsService } from '../applications.service';

/** What a feedback event must carry before it can be shown; retrying cannot fix a bad one. */
export function assertFeedbackPayload(data: Partial<SupervisionFeedbackGivenV1> | undefined): asserts data is SupervisionFeedbackGivenV1 {
  const missing = (['taskId', 'applicationId', 'departmentCode', 'outcome', 'givenAt'] as const).filter(
    (field) => typeof data?.[field] !== 'string' || !data[field],
  );
  if (missing.length) throw new PermanentEventError(`${SupervisionEventTypes.feedbackGiven} lacks ${missing.join(', ')}`);
  if (Number.isNaN(Date.parse(data?.givenAt ?? ''))) throw new PermanentEventError(`${SupervisionEventTypes.feedbackGiven} givenAt is not a date-time`);
}

/** Feedback on a task opened from an approval decision; events before `source` existed are all such. */
export function followsAnApplication(data: Partial<SupervisionFeedbackGivenV1> | undefined): boolean {
  return data?.source === undefined || data.source === 'approval';
}

/** 审管联动 both ways: the supervising department's feedback (监管结果反馈) lands on the application. */
@Injectable()
export class SupervisionFeedbackGivenHandler implements IntegrationEventHandler<SupervisionFeedbackGivenV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly applications: ApplicationsService,
  ) {}

  onModuleInit(): void {
    this.consumer.register(SupervisionEventTypes.feedbackGiven, this);
  }

  async handle(event: IntegrationEvent<SupervisionFeedbackGivenV1>, manager: EntityManager): Promise<void> {
    // feedback on a 风险预警, a 专项检查 or a referral follows no application of ours
    if (!followsAnApplication(event.data)) return;
    assertFeedbackPayload(event.data);
    await this.applications.recordSupervisionFeedback(event.data, manager);
  }
}
