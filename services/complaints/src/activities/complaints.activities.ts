import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { isUUID } from 'class-validator';
import type { ComplaintsActivities, ComplaintStatusFacts } from '@cityworks/contracts';
import { ComplaintsService } from '../complaints/complaints.service';

/** Activities on task queue `complaints`: workflows learn where a complaint stands, never who made it. */
@Injectable()
export class ComplaintsActivitiesImpl implements ComplaintsActivities {
  constructor(private readonly complaints: ComplaintsService) {}

  async getComplaintStatus({ complaintId }: { complaintId: string }): Promise<ComplaintStatusFacts> {
    // an unknown id stays unknown however often it is retried
    const c = isUUID(complaintId) ? await this.complaints.find(complaintId) : null;
    if (!c) throw ApplicationFailure.nonRetryable(`complaint ${complaintId} not found`, 'ComplaintNotFound');
    return {
      complaintId: c.id,
      status: c.status,
      departmentCode: c.departmentCode,
      regionCode: c.regionCode,
      receivedAt: c.receivedAt.toISOString(),
      acknowledgeDueAt: c.acknowledgeDueAt.toISOString(),
      acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
      answerDueAt: c.answerDueAt.toISOString(),
      answeredAt: c.answeredAt?.toISOString() ?? null,
      dueProvisional: c.dueProvisional,
    };
  }
}
