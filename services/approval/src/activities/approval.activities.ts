import { Injectable } from '@nestjs/common';
import type { ApprovalActivities, ApplicationFacts } from '@cityworks/contracts';
import { ApplicationsService } from '../applications/applications.service';

/** Activities on task queue `approval`; workflows read application facts through them. */
@Injectable()
export class ApprovalActivitiesImpl implements ApprovalActivities {
  constructor(private readonly applications: ApplicationsService) {}

  async getApplicationFacts({ applicationId }: { applicationId: string }): Promise<ApplicationFacts> {
    const a = (await this.applications.find(applicationId)).snapshot;
    return {
      applicationId: a.id,
      projectCode: a.projectCode,
      itemCode: a.itemCode,
      departmentCode: a.departmentCode,
      regionCode: a.regionCode,
      status: a.status,
      acceptedAt: a.acceptedAt.toISOString(),
      decidedAt: a.decidedAt?.toISOString() ?? null,
    };
  }
}
