import { condition, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  SearchAttributes,
  SupervisionActivities,
  SupervisionDeadlineChange,
  supervisionDeadlineChangedSignal,
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

/** Workflows started before the deadline could move keep their original logic on replay. */
const DEADLINE_CAN_MOVE = 'supervision-deadline-can-move';

/**
 * Waits for the supervising department's feedback until the deadline; past it the task is
 * marked overdue (the escalation ladder takes over from there) and still waits for feedback.
 * The deadline may move while waiting, when an official holiday arrangement replaces the
 * provisional calendar it was computed with.
 */
export async function supervisionTaskWorkflow(input: SupervisionTaskInput): Promise<SupervisionTaskState> {
  const state: SupervisionTaskState = { taskId: input.taskId, status: 'open', dueAt: input.dueAt };
  let deadlineMoved = false;
  setHandler(supervisionFeedbackSignal, (feedback: SupervisionFeedback) => {
    state.feedback ??= feedback;
  });
  setHandler(supervisionDeadlineChangedSignal, (change: SupervisionDeadlineChange) => {
    if (state.status !== 'open' || change.dueAt === state.dueAt) return;
    state.dueAt = change.dueAt;
    deadlineMoved = true;
  });
  setHandler(supervisionTaskStateQuery, () => state);

  const answered = () => state.feedback !== undefined;
  const untilDue = () => Math.max(Date.parse(state.dueAt) - Date.now(), 0);
  if (patched(DEADLINE_CAN_MOVE)) {
    do {
      deadlineMoved = false;
      await condition(() => answered() || deadlineMoved, untilDue());
    } while (deadlineMoved && !answered());
  } else {
    await condition(answered, untilDue());
  }

  if (!answered()) {
    state.status = 'overdue';
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    const { status } = await supervision.markSupervisionTaskOverdue({ taskId: input.taskId });
    // the department may have answered while the signal was lost: the record is the truth
    if (status !== 'closed') await condition(answered);
  }
  state.status = 'closed';
  return state;
}
