import { ActivityFailure, condition, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  complaintAcknowledgedSignal,
  complaintAnsweredSignal,
  ComplaintDeadlinesChange,
  complaintDeadlinesMovedSignal,
  ComplaintProgress,
  complaintStateQuery,
  ComplaintRating,
  complaintRatedSignal,
  ComplaintReopening,
  complaintReopenedSignal,
  complaintReviewAnsweredSignal,
  ComplaintTransfer,
  complaintTransferredSignal,
  ComplaintWorkflowInput,
  ComplaintWorkflowState,
  Obligation,
  SearchAttributes,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

/**
 * 有诉必应. Two obligations of the handling department run from receipt, each on the escalation
 * ladder: 签收 by the acknowledgement deadline and 答复 by the answer deadline. An answer ends both
 * (answering acknowledges). Deadlines come from the complaints service and move when a holiday
 * arrangement changes; the workflow waits, escalates and shows where the complaint stands.
 *
 * After the answer it waits for the complainant's rating until the rating deadline: an
 * unsatisfied rating reopens the complaint once, and the 工改办's review (复核) climbs its own
 * ladder against the 工改办 until it is answered. A transfer (错转) turns the letters still to
 * come to the new department; no deadline restarts.
 */
/** the wait for a rating and the review after the answer; workflows answered before it end at the answer */
export const REOPEN_ONCE = 'complaint-reopen-once';
export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintWorkflowState> {
  const state: ComplaintWorkflowState = {
    complaintId: input.complaintId,
    departmentCode: input.departmentCode,
    status: 'received',
    acknowledgeDueAt: input.acknowledgeDueAt,
    answerDueAt: input.answerDueAt,
    overdue: false,
    escalation: {},
  };
  let moved = false;
  let ratingDueAt: string | undefined;
  let rated = false;
  let reopening: ComplaintReopening | undefined;
  let reviewed = false;
  setHandler(complaintAcknowledgedSignal, (_: ComplaintProgress) => {
    if (state.status === 'received') state.status = 'acknowledged';
  });
  setHandler(complaintAnsweredSignal, (progress: ComplaintProgress) => {
    if (state.status === 'received' || state.status === 'acknowledged') state.status = 'answered';
    ratingDueAt ??= progress.ratingDueAt;
  });
  setHandler(complaintRatedSignal, (_: ComplaintRating) => {
    rated = true;
  });
  setHandler(complaintReopenedSignal, (r: ComplaintReopening) => {
    reopening ??= r;
  });
  setHandler(complaintReviewAnsweredSignal, (_: ComplaintProgress) => {
    reviewed = true;
  });
  setHandler(complaintDeadlinesMovedSignal, (change: ComplaintDeadlinesChange) => {
    if (state.status === 'answered') return;
    if (change.acknowledgeDueAt === state.acknowledgeDueAt && change.answerDueAt === state.answerDueAt) return;
    state.acknowledgeDueAt = change.acknowledgeDueAt;
    state.answerDueAt = change.answerDueAt;
    moved = true;
  });
  setHandler(complaintStateQuery, () => state);

  const acknowledged = () => state.status !== 'received';
  const answered = () => state.status !== 'received' && state.status !== 'acknowledged';
  const base = {
    kind: 'complaint' as const,
    departmentCode: input.departmentCode,
    regionCode: input.regionCode,
    projectCode: input.projectCode,
    itemCode: null,
    reminderGraceWorkingDays: input.ladder.reminderGraceWorkingDays,
    escalationGraceWorkingDays: input.ladder.escalationGraceWorkingDays,
  };
  const obligations: [string, Obligation, () => string, () => boolean][] = [
    [
      'acknowledgement',
      {
        ...base,
        id: `${input.complaintId}:acknowledgement`,
        title: `投诉举报件（${input.category}）的签收`,
        demandedAction: '签收投诉举报件并联系投诉人',
        warningLeadWorkingDays: 0,
      },
      () => state.acknowledgeDueAt,
      acknowledged,
    ],
    [
      'answer',
      {
        ...base,
        id: input.complaintId,
        title: `投诉举报件（${input.category}）的答复`,
        demandedAction: '依法调查处理并答复投诉人',
        warningLeadWorkingDays: input.ladder.answerWarningLeadWorkingDays,
      },
      () => state.answerDueAt,
      answered,
    ],
  ];
  // 错转: the letters still to come go to the department the complaint is with now; the
  // deadlines and the rungs already reached stay — the clock does not restart on a transfer
  setHandler(complaintTransferredSignal, (transfer: ComplaintTransfer) => {
    if (answered()) return;
    for (const [, obligation] of obligations) obligation.departmentCode = transfer.toDepartmentCode;
    state.departmentCode = transfer.toDepartmentCode;
    upsertSearchAttributes([{ key: SearchAttributes.departmentCode, value: transfer.toDepartmentCode }]);
  });
  const ladders = obligations.map(([key, obligation, dueAt, done]) => {
    const ladder = (state.escalation[key] = newLadderState());
    return runEscalationLadder(obligation, { dueAt, done }, ladder).catch((e: Error) => {
      ladder.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
    });
  });

  // Overdue shows while the deadline now due (签收, then 答复) has passed unmet
  const dueNow = () => (acknowledged() ? state.answerDueAt : state.acknowledgeDueAt);
  while (!answered()) {
    moved = false;
    const wasAcknowledged = acknowledged();
    const due = dueNow();
    upsertSearchAttributes([
      { key: SearchAttributes.dueAt, value: new Date(due) },
      { key: SearchAttributes.overdue, value: state.overdue },
    ]);
    const woken = await condition(() => answered() || moved || acknowledged() !== wasAcknowledged, Math.max(Date.parse(due) - Date.now(), 0));
    if (woken) {
      state.overdue = Date.now() > Date.parse(dueNow());
      continue;
    }
    state.overdue = true;
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    await condition(() => answered() || moved || acknowledged() !== wasAcknowledged);
    state.overdue = Date.now() > Date.parse(dueNow());
  }
  state.overdue = false;
  await Promise.all(ladders.map(letLadderSettle));
  if (ratingDueAt && patched(REOPEN_ONCE)) await reviewOnce(input, state, base, ratingDueAt, () => ({ rated, reopening, reviewed }));
  return state;
}

/**
 * 满意度回访 and 复核: waits for the rating until its deadline; reopened on an unsatisfied one, the
 * 工改办's review is an obligation of the 工改办 on the ladder, by its own deadline.
 */
async function reviewOnce(
  input: ComplaintWorkflowInput,
  state: ComplaintWorkflowState,
  base: Omit<Obligation, 'id' | 'title' | 'demandedAction' | 'warningLeadWorkingDays'>,
  ratingDueAt: string,
  seen: () => { rated: boolean; reopening?: ComplaintReopening; reviewed: boolean },
): Promise<void> {
  await condition(() => seen().rated || !!seen().reopening, Math.max(Date.parse(ratingDueAt) - Date.now(), 0));
  const reopening = seen().reopening;
  if (!reopening) return;
  state.status = 'reopened';
  state.reviewDueAt = reopening.reviewDueAt;
  const reviewed = () => seen().reviewed;
  const review: Obligation = {
    ...base,
    id: `${input.complaintId}:review`,
    departmentCode: reopening.reviewDepartmentCode,
    title: `投诉举报件（${input.category}）的复核`,
    demandedAction: '复核投诉举报件的办理并重新答复投诉人',
    warningLeadWorkingDays: input.ladder.answerWarningLeadWorkingDays,
  };
  const ladderState = (state.escalation.review = newLadderState());
  const ladder = runEscalationLadder(review, { dueAt: () => reopening.reviewDueAt, done: reviewed }, ladderState).catch((e: Error) => {
    ladderState.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
  });
  upsertSearchAttributes([
    { key: SearchAttributes.departmentCode, value: reopening.reviewDepartmentCode },
    { key: SearchAttributes.dueAt, value: new Date(reopening.reviewDueAt) },
  ]);
  if (!(await condition(reviewed, Math.max(Date.parse(reopening.reviewDueAt) - Date.now(), 0)))) {
    state.overdue = true;
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    await condition(reviewed);
  }
  state.overdue = false;
  upsertSearchAttributes([{ key: SearchAttributes.overdue, value: false }]);
  state.status = 'reviewed';
  await letLadderSettle(ladder);
}
