import { ActivityFailure, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  CatalogActivities,
  Obligation,
  publicationDueMovedSignal,
  PublicationDueMoved,
  publicationMadeSignal,
  PublicationMade,
  publicationStateQuery,
  PublicationWorkflowInput,
  PublicationWorkflowState,
  PublicationWithdrawn,
  publicationWithdrawnSignal,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

const catalog = proxyActivities<CatalogActivities>({
  taskQueue: TaskQueues.catalog,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});

const WHAT: Record<PublicationWorkflowInput['kind'], string> = { permit: '行政许可', penalty: '行政处罚' };

/**
 * 双公示. The deciding department must publish the decision by `dueAt` (computed by credit from the
 * decision, in working or calendar days as configured); the obligation climbs the escalation
 * ladder (预警 → 提醒函 → 督办函 → 通报) against that department until credit signals the
 * publication, or its withdrawal when the decision is revoked. A moved deadline (holiday
 * arrangement changed) moves the wait and the ladder.
 */
export async function publicationWorkflow(input: PublicationWorkflowInput): Promise<PublicationWorkflowState> {
  const state: PublicationWorkflowState = {
    publicationId: input.publicationId,
    status: 'pending',
    dueAt: input.dueAt,
    overdue: false,
    publishedAt: null,
    escalation: newLadderState(),
  };
  let moved = false;
  setHandler(publicationMadeSignal, (made: PublicationMade) => {
    if (state.status !== 'pending') return;
    state.status = 'published';
    state.publishedAt ??= made.publishedAt;
  });
  setHandler(publicationWithdrawnSignal, (_: PublicationWithdrawn) => {
    if (state.status === 'pending') state.status = 'withdrawn';
  });
  setHandler(publicationDueMovedSignal, (change: PublicationDueMoved) => {
    if (state.status !== 'pending' || change.dueAt === state.dueAt) return;
    state.dueAt = change.dueAt;
    moved = true;
  });
  setHandler(publicationStateQuery, () => state);

  // published, or withdrawn because the decision was revoked: the obligation is over either way
  const over = () => state.status !== 'pending';
  // letters go to the 工改办 of the region: the decision's, or the department's own
  const regionCode =
    input.regionCode ??
    (await catalog.getDepartment({ code: input.departmentCode }).then(
      (d) => d.regionCode,
      () => null,
    ));
  let ladder: Promise<unknown> | undefined;
  if (regionCode) {
    const obligation: Obligation = {
      kind: 'publication',
      id: input.publicationId,
      departmentCode: input.departmentCode,
      regionCode,
      projectCode: null,
      itemCode: null,
      title: `${WHAT[input.kind]}决定「${input.reference}」的双公示`,
      demandedAction: `将${WHAT[input.kind]}信息在信用网站公示并上传全国信用信息共享平台`,
      ...input.ladder,
    };
    ladder = runEscalationLadder(obligation, { dueAt: () => state.dueAt, done: over }, state.escalation).catch((e: Error) => {
      state.escalation.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
    });
  } else {
    state.escalation.problem = `department ${input.departmentCode} is unknown to the catalog: no letter office to escalate from`;
  }

  while (!over()) {
    moved = false;
    upsertSearchAttributes([
      { key: SearchAttributes.dueAt, value: new Date(state.dueAt) },
      { key: SearchAttributes.overdue, value: state.overdue },
    ]);
    const woken = await condition(() => over() || moved, Math.max(Date.parse(state.dueAt) - Date.now(), 0));
    if (woken) {
      state.overdue = !over() && Date.now() > Date.parse(state.dueAt);
      continue;
    }
    state.overdue = true;
    upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
    await condition(() => over() || moved);
    state.overdue = !over() && Date.now() > Date.parse(state.dueAt);
  }
  state.overdue = false;
  upsertSearchAttributes([{ key: SearchAttributes.overdue, value: false }]);
  await letLadderSettle(ladder);
  return state;
}
