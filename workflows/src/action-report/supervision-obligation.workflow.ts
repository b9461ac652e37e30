import { ActivityFailure, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  SearchAttributes,
  SupervisionObligationActivities,
  SupervisionObligationInput,
  SupervisionObligationMet,
  supervisionObligationMetSignal,
  SupervisionObligationState,
  supervisionObligationStateQuery,
  TaskQueues,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

const supervision = proxyActivities<SupervisionObligationActivities>({
  taskQueue: TaskQueues.supervision,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * A supervising department's own deadline (a 监管行为 to report within its period, a 风险预警 /
 * 专项检查 / referral task to feed back): waits for the signal that it was met; at the deadline
 * the record is marked overdue and the workflow keeps waiting, since a late report is still a
 * report. The escalation ladder runs beside the wait against the department from the start, so
 * its 预警 comes before the deadline. The deadline and the ladder's terms come with the input:
 * supervision computes them from its configuration.
 */
export async function supervisionObligationWorkflow(input: SupervisionObligationInput): Promise<SupervisionObligationState> {
  const state: SupervisionObligationState = { id: input.id, status: 'open', dueAt: input.dueAt, escalation: newLadderState() };
  setHandler(supervisionObligationMetSignal, (met: SupervisionObligationMet) => {
    state.metAt ??= met.at;
  });
  setHandler(supervisionObligationStateQuery, () => state);
  const met = () => state.metAt !== undefined;

  const ladder = runEscalationLadder(
    {
      kind: input.kind,
      id: input.id,
      departmentCode: input.departmentCode,
      regionCode: input.regionCode,
      projectCode: null,
      itemCode: input.itemCode,
      title: input.title,
      demandedAction: input.demandedAction,
      warningLeadWorkingDays: input.warningLeadWorkingDays,
      reminderGraceWorkingDays: input.reminderGraceWorkingDays,
      escalationGraceWorkingDays: input.escalationGraceWorkingDays,
    },
    { dueAt: () => state.dueAt, done: met },
    state.escalation,
  ).catch((e: Error) => {
    state.escalation.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
  });

  await condition(met, Math.max(Date.parse(state.dueAt) - Date.now(), 0));
  if (!met()) {
    state.status = 'overdue';
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    const recorded = await supervision.markSupervisionObligationOverdue({ kind: input.kind, id: input.id });
    // met while the signal was lost: the record is the truth
    if (recorded.met) state.metAt ??= new Date().toISOString();
    await condition(met);
  }
  state.status = 'met';
  await letLadderSettle(ladder);
  return state;
}
