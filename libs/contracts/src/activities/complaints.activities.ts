import type { ComplaintStatus } from '../events/complaints.events';

/** What a workflow may know of a complaint: ids, status and times — no complainant, no text. */
export interface ComplaintStatusFacts {
  complaintId: string;
  status: ComplaintStatus;
  departmentCode: string;
  regionCode: string;
  receivedAt: string;
  acknowledgeDueAt: string;
  acknowledgedAt: string | null;
  answerDueAt: string;
  answeredAt: string | null;
  /** a deadline crossed a year with no official holiday arrangement yet */
  dueProvisional: boolean;
}

/** Activities the complaints service runs on its own task queue (`complaints`). */
export interface ComplaintsActivities {
  /** Fails without retry (type `ComplaintNotFound`) for an unknown id. */
  getComplaintStatus(input: { complaintId: string }): Promise<ComplaintStatusFacts>;
}
