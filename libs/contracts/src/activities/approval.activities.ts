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

/** Activities the approval service runs on its own task queue (`approval`). */
export interface ApprovalActivities {
  getApplicationFacts(input: { applicationId: string }): Promise<ApplicationFacts>;
}
