import { proxyActivities } from '@temporalio/workflow';
import { CreditActivities, CreditGradeRefreshInput, GradeRefreshResult, TaskQueues } from '@cityworks/contracts';

const credit = proxyActivities<CreditActivities>({
  taskQueue: TaskQueues.credit,
  // a city has many subjects: the refresh grades them in batches inside one activity
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10s', maximumInterval: '10m', maximumAttempts: 10 },
});

/** One day's refresh of the grades whose records expired (scheduled daily by credit). */
export async function creditGradeRefreshWorkflow(input: CreditGradeRefreshInput): Promise<GradeRefreshResult> {
  return credit.refreshExpiredGrades({ lookBackDays: input.lookBackDays });
}
