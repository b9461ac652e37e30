import { ActivityFailure, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  ApprovalActivities,
  ApprovalItemSnapshot,
  CatalogActivities,
  CommitmentCheckNotice,
  commitmentCheckedSignal,
  CommitmentDeadlineChange,
  commitmentDeadlineMovedSignal,
  CommitmentReviewAnswer,
  commitmentReviewAnsweredSignal,
  commitmentStateQuery,
  CommitmentWorkflowInput,
  CommitmentWorkflowState,
  Obligation,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

// retried without end: a revocation must happen, however long approval is away
const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TaskQueues.approval,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '5m', nonRetryableErrorTypes: ['NotFound'] },
});

const catalog = proxyActivities<CatalogActivities>({
  taskQueue: TaskQueues.catalog,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});

/** The obligation-specific part of what the ladder needs; the rest comes from the approval item. */
type ObligationOf = Pick<Obligation, 'kind' | 'id' | 'departmentCode'> & { title: (itemName: string) => string; demandedAction: string };

/**
 * 告知承诺核查. The supervising department must verify the commitment by its deadline; the ladder
 * runs against it (its 不作为), never against the applicant. What the verification finds decides
 * the rest:
 * - fulfilled (守信): done;
 * - minor breach: 责令限期整改, and a re-check by the supervising department, due after the
 *   rectification period, with its own ladder; a re-check finds the commitment fulfilled or broken;
 * - serious breach or false commitment (失信): the approval is revoked through approval
 *   (撤销行政审批决定), the subject loses commitment eligibility for the configured period, and
 *   the approving department is asked to review the case (函告审批部门复核) by a reply deadline,
 *   with its own ladder against the approving department.
 * Deadlines and the outcome come from supervision's record (signals sent with the state change);
 * the workflow waits, escalates and carries out the consequences.
 */
export async function commitmentWorkflow(input: CommitmentWorkflowInput): Promise<CommitmentWorkflowState> {
  const state: CommitmentWorkflowState = {
    commitmentId: input.commitmentId,
    status: 'awaiting-verification',
    dueAt: input.dueAt,
    checks: [],
    revoked: false,
    eligibilityCancelled: false,
    escalation: {},
  };
  let reviewAnswer: CommitmentReviewAnswer | undefined;
  setHandler(commitmentCheckedSignal, (check: CommitmentCheckNotice) => {
    // the outbox delivers at least once: a check already heard is not a second check
    if (!state.checks.some((c) => c.recordedAt === check.recordedAt && c.outcome === check.outcome)) state.checks.push(check);
  });
  setHandler(commitmentReviewAnsweredSignal, (answer: CommitmentReviewAnswer) => {
    reviewAnswer ??= answer;
  });
  setHandler(commitmentStateQuery, () => state);
  // only the first verification's deadline is recomputed from the calendar (re-check and 复核 deadlines are set once)
  let deadlineMoved = false;
  setHandler(commitmentDeadlineMovedSignal, (change: CommitmentDeadlineChange) => {
    if (state.status !== 'awaiting-verification' || state.checks.length || change.dueAt === state.dueAt) return;
    state.dueAt = change.dueAt;
    deadlineMoved = true;
  });

  const ladders: Promise<unknown>[] = [];
  // the warning lead and graces of the approval item whose decision was made on commitment
  let item: Promise<ApprovalItemSnapshot> | undefined;
  /** One obligation of this commitment on the escalation ladder, under its own key and claim ids. */
  const escalate = (key: string, of: ObligationOf, dueAt: string, done: () => boolean) => {
    const ladder = (state.escalation[key] = newLadderState());
    ladders.push(
      (async () => {
        const { name, warningLeadWorkingDays, reminderGraceWorkingDays, escalationGraceWorkingDays } = await (item ??= catalog.getApprovalItem({
          code: input.itemCode,
          regionCode: input.regionCode,
        }));
        const obligation: Obligation = {
          kind: of.kind,
          id: of.id,
          departmentCode: of.departmentCode,
          regionCode: input.regionCode,
          projectCode: input.projectCode,
          itemCode: input.itemCode,
          title: of.title(name),
          demandedAction: of.demandedAction,
          warningLeadWorkingDays,
          reminderGraceWorkingDays,
          escalationGraceWorkingDays,
        };
        await runEscalationLadder(obligation, { dueAt: () => (done() ? dueAt : (state.dueAt ?? dueAt)), done }, ladder);
      })().catch((e: Error) => {
        ladder.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
      }),
    );
  };
  /**
   * Waits for an obligation to be met; past its deadline the workflow shows as overdue (and the
   * ladder acts). A deadline that moves before it passes moves the wait.
   */
  const meet = async (dueAt: string, done: () => boolean) => {
    state.dueAt = dueAt;
    for (;;) {
      deadlineMoved = false;
      upsertSearchAttributes([
        { key: SearchAttributes.dueAt, value: new Date(state.dueAt!) },
        { key: SearchAttributes.overdue, value: false },
      ]);
      if (await condition(() => done() || deadlineMoved, Math.max(Date.parse(state.dueAt!) - Date.now(), 0))) {
        if (done()) return;
        continue;
      }
      upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
      await condition(done);
      return;
    }
  };
  const subject = (name: string) => `项目${input.projectCode}「${name}」审批`;

  // 核查, then as many re-checks (复查) as rectification orders
  let check: CommitmentCheckNotice;
  let dueAt = input.dueAt;
  for (let recheck = 0; ; recheck++) {
    const seen = state.checks.length;
    const checked = () => state.checks.length > seen;
    escalate(
      recheck === 0 ? 'verification' : `recheck-${recheck}`,
      {
        kind: 'commitment-verification',
        id: recheck === 0 ? input.commitmentId : `${input.commitmentId}:recheck-${recheck}`,
        departmentCode: input.supervisingDepartmentCode,
        title: (name) => `${subject(name)}${recheck === 0 ? '的告知承诺核查' : '的告知承诺整改复查'}`,
        demandedAction: recheck === 0 ? '对申请人承诺内容是否属实进行核查并录入核查结果' : '对申请人整改情况进行复查并录入复查结果',
      },
      dueAt,
      checked,
    );
    await meet(dueAt, checked);
    check = state.checks[seen];
    if (check.outcome !== 'minor-breach') break;
    state.status = 'rectifying';
    dueAt = check.recheckDueAt!;
  }

  if (check.outcome === 'fulfilled') {
    state.status = 'fulfilled';
  } else {
    // 失信: the consequences, each idempotent, in this order so a revoked approval is never left eligible
    state.status = 'revoking';
    await approval.revokeForBrokenCommitment({ applicationId: input.applicationId, commitmentId: input.commitmentId, findings: check.findings });
    state.revoked = true;
    await approval.cancelCommitmentEligibility({
      ownerUscc: input.ownerUscc,
      commitmentId: input.commitmentId,
      applicationId: input.applicationId,
      until: check.ineligibleUntil!,
      reason: `告知承诺核查不实：${check.findings}`,
    });
    state.eligibilityCancelled = true;

    // 函告审批部门复核: the approving department reviews the case file and procedure and answers
    state.status = 'awaiting-review';
    const answered = () => reviewAnswer !== undefined;
    escalate(
      'review',
      {
        kind: 'commitment-review',
        id: input.commitmentId,
        departmentCode: input.approvingDepartmentCode,
        title: (name) => `${subject(name)}（告知承诺核查不实）的复核`,
        demandedAction: '对案卷和办理程序进行复核，依法依规处置并将结果反馈监管部门',
      },
      check.reviewReplyDueAt!,
      answered,
    );
    await meet(check.reviewReplyDueAt!, answered);
    state.status = 'closed-breached';
  }
  state.dueAt = null;
  await Promise.all(ladders.map(letLadderSettle));
  return state;
}
