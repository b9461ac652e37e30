import { ActivityFailure, condition, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  CatalogActivities,
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
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

const supervision = proxyActivities<SupervisionActivities>({
  taskQueue: TaskQueues.supervision,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

const catalog = proxyActivities<CatalogActivities>({
  taskQueue: TaskQueues.catalog,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});

/** Workflows started before the deadline could move keep their original logic on replay. */
const DEADLINE_CAN_MOVE = 'supervision-deadline-can-move';
/** Tasks started before the escalation ladder keep their logic on replay. */
const ESCALATION_LADDER = 'supervision-escalation-ladder';

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

  // 审管联动 is an obligation of the supervising department: the ladder runs against it, with the
  // warning lead and graces of the approval item whose decision it supervises
  let ladder: Promise<unknown> | undefined;
  if (patched(ESCALATION_LADDER)) {
    const escalation = (state.escalation = newLadderState());
    ladder = (async () => {
      const item = await catalog.getApprovalItem({ code: input.itemCode, regionCode: input.regionCode });
      await runEscalationLadder(
        {
          kind: 'supervision-feedback',
          id: input.taskId,
          departmentCode: input.departmentCode,
          regionCode: input.regionCode,
          projectCode: input.projectCode,
          itemCode: input.itemCode,
          title: `项目${input.projectCode}「${item.name}」审批结果的监管反馈`,
          demandedAction: `对推送的「${item.name}」审批结果依法开展监管并反馈结果`,
          warningLeadWorkingDays: item.warningLeadWorkingDays,
          reminderGraceWorkingDays: item.reminderGraceWorkingDays,
          escalationGraceWorkingDays: item.escalationGraceWorkingDays,
        },
        { dueAt: () => state.dueAt, done: answered },
        escalation,
      );
    })().catch((e: Error) => {
      escalation.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
    });
  }
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
  await letLadderSettle(ladder);
  return state;
}
