// Every workflow the `workflows` worker runs; the bundle is built from this file.
export { supervisionTaskWorkflow } from './supervision-task/supervision-task.workflow';
export { projectLifecycleWorkflow } from './project-lifecycle/project-lifecycle.workflow';
export { applicationWorkflow } from './application/application.workflow';
export { commitmentWorkflow } from './commitment/commitment.workflow';
export { oversightReportWorkflow } from './oversight-report/oversight-report.workflow';
export { complaintWorkflow } from './complaint/complaint.workflow';
export { creditGradeRefreshWorkflow } from './credit-grade-refresh/credit-grade-refresh.workflow';
export { supervisionObligationWorkflow } from './action-report/supervision-obligation.workflow';
export { publicationWorkflow } from './publication/publication.workflow';
export { campaignWorkflow } from './campaign/campaign.workflow';
