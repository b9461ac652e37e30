import { Injectable } from '@nestjs/common';
import type {
  ApplicationClockReading,
  ApplicationFigures,
  ApplicationSample,
  ApprovalActivities,
  ApprovalOversightActivities,
  OversightPeriodRange,
  SampleFinishedApplicationsInput,
  ApplicationFacts,
  BrokenCommitmentRevocation,
  CommitmentEligibilityCancellation,
  ProjectProgress,
} from '@cityworks/contracts';
import { ApplicationsService } from '../applications/applications.service';
import { ProjectsService } from '../projects/projects.service';
import { CommitmentEligibilityService } from '../commitment-eligibility/commitment-eligibility.service';
import { OversightFiguresService } from '../oversight/oversight-figures.service';

/** Activities on task queue `approval`: workflows read and move applications and projects through them. */
@Injectable()
export class ApprovalActivitiesImpl implements ApprovalActivities, ApprovalOversightActivities {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly projects: ProjectsService,
    private readonly eligibility: CommitmentEligibilityService,
    private readonly oversight: OversightFiguresService,
  ) {}

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

  readApplicationClock({ applicationId }: { applicationId: string }): Promise<ApplicationClockReading> {
    return this.applications.readClock(applicationId);
  }

  markApplicationOverdue({ applicationId }: { applicationId: string }): Promise<ApplicationClockReading> {
    return this.applications.markOverdue(applicationId);
  }

  recordProjectProgress(progress: ProjectProgress): Promise<void> {
    return this.projects.recordProgress(progress);
  }

  revokeForBrokenCommitment(input: BrokenCommitmentRevocation): Promise<{ revoked: boolean; status: ApplicationFacts['status'] }> {
    return this.applications.revokeForBrokenCommitment(input);
  }

  cancelCommitmentEligibility(input: CommitmentEligibilityCancellation): Promise<{ cancelled: boolean }> {
    return this.eligibility.cancel(input);
  }

  /** the 工改办's oversight reports: application figures per department for a period */
  applicationFigures(input: OversightPeriodRange): Promise<ApplicationFigures> {
    return this.oversight.applicationFigures(input);
  }

  /** 随机抽查: the seeded draw of applications decided in a period */
  sampleFinishedApplications(input: SampleFinishedApplicationsInput): Promise<ApplicationSample> {
    return this.oversight.sampleFinishedApplications(input);
  }
}
