import type { ApprovalDecision } from '../events/approval.events';
import type { ApprovalStage } from '../catalog/catalog-vocabulary';

/** What a workflow may know of an application: ids and dates, no personal data. */
export interface ApplicationFacts {
  applicationId: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  regionCode: string;
  status: 'accepted' | 'approved' | 'rejected' | 'revoked';
  acceptedAt: string;
  decidedAt: string | null;
}

/** An application's clock as its record says now: the truth a workflow starts from and returns to. */
export interface ApplicationClockReading {
  applicationId: string;
  status: 'accepted' | 'approved' | 'rejected' | 'revoked';
  decision: ApprovalDecision | null;
  decidedAt: string | null;
  /** null while the clock is stopped or once decided */
  dueAt: string | null;
  overdue: boolean;
}

/** Where the project's lifecycle workflow has got to, written on the project record. */
export interface ProjectProgress {
  projectCode: string;
  /** the sequential stage now open; null once the project is completed */
  stage: ApprovalStage | null;
  completed: boolean;
  at: string;
}

/** Activities the approval service runs on its own task queue (`approval`). */
export interface ApprovalActivities {
  getApplicationFacts(input: { applicationId: string }): Promise<ApplicationFacts>;
  /** the clock of an application, computed from its record with the working-day calendar */
  readApplicationClock(input: { applicationId: string }): Promise<ApplicationClockReading>;
  /**
   * The deadline passed with the clock running: the application records when it became overdue
   * (once) and says so to the escalation ladder (`approval.application-overdue.v1`). Answers the
   * clock as the record has it, which may say the application was decided meanwhile.
   */
  markApplicationOverdue(input: { applicationId: string }): Promise<ApplicationClockReading>;
  /** the stage the project has reached, or its completion (竣工验收 closes it) */
  recordProjectProgress(input: ProjectProgress): Promise<void>;
  /**
   * 撤销行政审批决定 after a commitment proved untrue (告知承诺核查不实). Idempotent: an application
   * already revoked is left as it is, and the answer says so.
   */
  revokeForBrokenCommitment(input: BrokenCommitmentRevocation): Promise<{ revoked: boolean; status: ApplicationFacts['status'] }>;
  /**
   * 取消告知承诺资格: the subject may not apply on commitment until `until`. Once per commitment:
   * a repeat changes nothing.
   */
  cancelCommitmentEligibility(input: CommitmentEligibilityCancellation): Promise<{ cancelled: boolean }>;
}

export interface BrokenCommitmentRevocation {
  applicationId: string;
  commitmentId: string;
  /** what the verification found, the revocation's reason */
  findings: string;
}

export interface CommitmentEligibilityCancellation {
  ownerUscc: string;
  commitmentId: string;
  applicationId: string;
  until: string;
  reason: string;
}
