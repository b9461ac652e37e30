import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  SearchAttributes,
  SupervisionActivities,
  SupervisionFeedback,
  supervisionFeedbackSignal,
  SupervisionTaskInput,
  SupervisionTaskState,
  supervisionTaskStateQuery,
  TaskQueues,
} from '@cityworks/contracts';

const supervision = proxyActivities<SupervisionActivities>({
  taskQueue: TaskQueues.supervision,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * Waits for the supervising department's feedback until the deadline; past it the task is
 * marked overdue (the escalation ladder takes over from there) and still waits for feedback.
 */
export async function supervisionTaskWorkflow(input: SupervisionTaskInput): Promise<SupervisionTaskState> {
  const state: SupervisionTaskState = { taskId: input.taskId, status: 'open', dueAt: input.dueAt };
  setHandler(supervisionFeedbackSignal, (feedback: SupervisionFeedback) => {
    state.feedback ??= feedback;
  });
  setHandler(supervisionTaskStateQuery, () => state);

  const untilDue = Math.max(Date.parse(input.dueAt) - Date.now(), 0);
  const answeredInTime = await condition(() => state.feedback !== undefined, untilDue);
  if (!answeredInTime) {
    state.status = 'overdue';
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    const { status } = await supervision.markSupervisionTaskOverdue({ taskId: input.taskId });
    // the department may have answered while the signal was lost: the record is the truth
    if (status !== 'closed') await condition(() => state.feedback !== undefined);
  }
  state.status = 'closed';
  return state;
}
