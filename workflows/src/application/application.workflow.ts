import { condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  ApplicationClock,
  ApplicationClockReading,
  applicationClockChangedSignal,
  ApplicationDecisionNotice,
  applicationDecidedSignal,
  applicationProgressSignal,
  applicationStateQuery,
  ApplicationWorkflowInput,
  ApplicationWorkflowState,
  ApprovalActivities,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

/** Applications started before the ladder existed keep their logic on replay. */
const ESCALATION_LADDER = 'application-escalation-ladder';
/** Applications whose record disagreed about the deadline before the pause below keep their logic on replay. */
const OVERDUE_DISAGREEMENT_PAUSE = 'application-overdue-disagreement-pause';
/** Applications whose report to their project failed before reports were retried keep their logic on replay. */
const REPORT_RETRIED = 'application-report-retried';
/** a report the project did not take is sent again after 1, 2, 4, 8 and 16 s, then let go */
const REPORT_ATTEMPTS = 6;

const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TaskQueues.approval,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * 办件的法定时限: waits for the decision until the deadline; a clock-stop pauses the wait and a
 * resume brings the moved deadline; past the deadline with the clock running the application is
 * marked overdue and handed to the escalation ladder, and the wait for the decision goes on.
 * The approval service's record is the truth: the workflow reads it when it starts (signals sent
 * before it existed are not lost) and again when the deadline passes.
 */
export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationWorkflowState> {
  const state: ApplicationWorkflowState = {
    applicationId: input.applicationId,
    itemCode: input.itemCode,
    stage: input.stage,
    departmentCode: input.departmentCode,
    status: 'waiting',
    dueAt: input.dueAt,
    overdue: false,
    overdueSince: null,
    decision: null,
  };
  let clockChanged = false;
  setHandler(applicationDecidedSignal, (notice: ApplicationDecisionNotice) => {
    state.decision ??= notice;
  });
  setHandler(applicationClockChangedSignal, (clock: ApplicationClock) => {
    if (state.decision) return;
    state.dueAt = clock.dueAt;
    clockChanged = true;
  });
  setHandler(applicationStateQuery, () => state);

  const project = workflowInfo().parent ? getExternalWorkflowHandle(workflowInfo().parent!.workflowId) : null;
  const report = async () => {
    if (!project) return;
    const progress = {
      applicationId: state.applicationId,
      dueAt: state.dueAt,
      overdue: state.overdue,
      decision: state.decision?.decision ?? null,
      decidedAt: state.decision?.decidedAt ?? null,
    };
    if (!patched(REPORT_RETRIED)) return project.signal(applicationProgressSignal, progress);
    // The signal fails when no run of the project is open to take it: seen on Temporal's test
    // server while the project continues as new, and for good once an operator terminated it. A
    // report that cannot land must not fail the application, whose record in approval stays the
    // truth; the project's next run gets it on a later try.
    for (let attempt = 1; ; attempt++) {
      try {
        await project.signal(applicationProgressSignal, progress);
        state.reportProblem = null;
        return;
      } catch (e) {
        state.reportProblem = `the project did not take the report (try ${attempt} of ${REPORT_ATTEMPTS}): ${(e as Error).message}`;
        if (attempt === REPORT_ATTEMPTS) return;
        await sleep(1000 * 2 ** (attempt - 1));
      }
    }
  };
  const adopt = (reading: ApplicationClockReading) => {
    if (reading.decision && reading.decidedAt) state.decision ??= { decision: reading.decision, decidedAt: reading.decidedAt };
    else if (!state.decision) state.dueAt = reading.dueAt;
  };

  adopt(await approval.readApplicationClock({ applicationId: input.applicationId }));
  let reportedDueAt: string | null = input.dueAt;

  // 预警 → 提醒函 → 督办函 → 通报 against the implementing department, beside the wait below
  let ladder: Promise<unknown> | undefined;
  const terms = input.ladder;
  if (terms && patched(ESCALATION_LADDER)) {
    const escalation = (state.escalation = newLadderState());
    ladder = runEscalationLadder(
      {
        kind: 'application',
        id: input.applicationId,
        departmentCode: input.departmentCode,
        regionCode: input.regionCode,
        projectCode: input.projectCode,
        itemCode: input.itemCode,
        ...terms,
      },
      { dueAt: () => (state.decision ? null : state.dueAt), done: () => state.decision !== null },
      escalation,
    ).catch((e: Error) => {
      escalation.problem = e.message;
    });
  }

  let disagreements = 0;
  while (!state.decision) {
    state.status = state.overdue ? 'overdue' : state.dueAt === null ? 'clock-stopped' : 'waiting';
    if (state.dueAt !== reportedDueAt) {
      reportedDueAt = state.dueAt;
      if (state.dueAt) upsertSearchAttributes([{ key: SearchAttributes.dueAt, value: new Date(state.dueAt) }]);
      await report();
    }
    clockChanged = false;
    const dueAt = state.dueAt;
    const wake = () => state.decision !== null || clockChanged;
    if (dueAt === null || state.overdue) {
      await condition(wake);
      continue;
    }
    if (await condition(wake, Math.max(Date.parse(dueAt) - Date.now(), 0))) continue;

    // the deadline passed with the clock running
    const reading = await approval.markApplicationOverdue({ applicationId: input.applicationId });
    adopt(reading);
    if (state.decision) continue;
    if (!reading.overdue) {
      // the record's deadline moved, or the service's clock has not reached the deadline yet: in the
      // second case asking again at once would spin, so the workflow waits (a minute, doubling up to
      // a day) unless a signal comes first
      if (reading.dueAt === dueAt && patched(OVERDUE_DISAGREEMENT_PAUSE)) {
        await condition(wake, Math.min(60_000 * 2 ** disagreements, 86_400_000));
        disagreements++;
      }
      continue;
    }
    state.overdue = true;
    state.overdueSince = new Date().toISOString();
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    await report();
    // the escalation ladder, running beside this loop, issues the 提醒函 of this deadline
  }

  state.status = 'decided';
  await letLadderSettle(ladder);
  await report();
  return state;
}
