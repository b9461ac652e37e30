import { ActivityFailure, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  CampaignActivities,
  CampaignDeadlinesChange,
  campaignDeadlinesMovedSignal,
  CampaignProgress,
  campaignPublishedSignal,
  campaignResultsInSignal,
  campaignStateQuery,
  CampaignWorkflowInput,
  CampaignWorkflowState,
  Obligation,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';
import { letLadderSettle, newLadderState, runEscalationLadder } from '../escalation-ladder/escalation-ladder';

// the draw must happen, however long supervision is away; a refused draw is not retried
const supervision = proxyActivities<CampaignActivities>({
  taskQueue: TaskQueues.supervision,
  startToCloseTimeout: '5m',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});

/**
 * 双随机、一公开 of one campaign. Announced by supervision (the seed's SHA-256 published) before
 * this starts; the workflow has the draw made, then holds the organizing department to two
 * deadlines at once, each on the escalation ladder: every check's result in by `resultsDueAt`,
 * and the results published (一公开) by `publishDueAt`. The results arrive as a signal sent by
 * supervision when the last `supervision.check-recorded.v1` of the campaign is recorded; the
 * publication as a signal with the publishing department's act.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowState> {
  const state: CampaignWorkflowState = {
    campaignId: input.campaignId,
    status: 'drawing',
    resultsDueAt: null,
    publishDueAt: null,
    resultsInAt: null,
    publishedAt: null,
    escalation: {},
  };
  setHandler(campaignResultsInSignal, (p: CampaignProgress) => {
    state.resultsInAt ??= p.at;
  });
  setHandler(campaignPublishedSignal, (p: CampaignProgress) => {
    state.publishedAt ??= p.at;
    // publishing needs every result: a publication heard first implies them
    state.resultsInAt ??= p.at;
  });
  setHandler(campaignStateQuery, () => state);
  // a holiday arrangement changed: the deadlines supervision counted again (the ladders follow them until their 提醒函)
  let deadlinesMoved = false;
  setHandler(campaignDeadlinesMovedSignal, (change: CampaignDeadlinesChange) => {
    if (state.publishedAt !== null || !state.publishDueAt) return;
    if (state.resultsInAt === null) state.resultsDueAt = change.resultsDueAt;
    state.publishDueAt = change.publishDueAt;
    deadlinesMoved = true;
  });

  const drawn = await supervision.drawCampaign({ campaignId: input.campaignId });
  state.resultsDueAt = drawn.resultsDueAt;
  state.publishDueAt = drawn.publishDueAt;
  // nothing drawn: no result to wait for (workflow time, replay-safe)
  if (drawn.resultsIn) state.resultsInAt ??= new Date().toISOString();
  state.status = state.resultsInAt ? 'awaiting-publication' : 'checking';

  const resultsIn = () => state.resultsInAt !== null;
  const published = () => state.publishedAt !== null;
  const ladders: Promise<unknown>[] = [];
  const escalate = (key: string, obligation: Pick<Obligation, 'kind' | 'id' | 'title' | 'demandedAction'>, dueAt: () => string, done: () => boolean) => {
    const ladder = (state.escalation[key] = newLadderState());
    ladders.push(
      runEscalationLadder(
        { ...obligation, departmentCode: input.departmentCode, regionCode: input.regionCode, projectCode: null, itemCode: null, ...input.ladder },
        { dueAt, done },
        ladder,
      ).catch((e: Error) => {
        ladder.problem = e instanceof ActivityFailure && e.cause ? e.cause.message : e.message;
      }),
    );
  };
  escalate(
    'results',
    {
      kind: 'campaign-results',
      id: input.campaignId,
      title: `双随机抽查「${input.title}」的检查结果录入`,
      demandedAction: '完成抽取的全部检查并录入检查结果',
    },
    () => state.resultsDueAt!,
    resultsIn,
  );
  escalate(
    'publication',
    {
      kind: 'publication',
      id: input.campaignId,
      title: `双随机抽查「${input.title}」的抽查结果公示`,
      demandedAction: '依法向社会公示抽查事项、抽取结果、随机种子和检查结果（一公开）',
    },
    () => state.publishDueAt!,
    published,
  );

  /** Waits for an obligation; past its deadline the workflow shows as overdue. A deadline moved before it passes moves the wait. */
  const meet = async (dueAt: () => string, done: () => boolean) => {
    for (;;) {
      deadlinesMoved = false;
      upsertSearchAttributes([
        { key: SearchAttributes.dueAt, value: new Date(dueAt()) },
        { key: SearchAttributes.overdue, value: Date.now() > Date.parse(dueAt()) },
      ]);
      if (await condition(() => done() || deadlinesMoved, Math.max(Date.parse(dueAt()) - Date.now(), 0))) {
        if (done()) return;
        continue;
      }
      upsertSearchAttributes([{ key: SearchAttributes.overdue, value: true }]);
      await condition(done);
      return;
    }
  };
  await meet(() => state.resultsDueAt!, resultsIn);
  state.status = 'awaiting-publication';
  await meet(() => state.publishDueAt!, published);
  state.status = 'published';
  await Promise.all(ladders.map(letLadderSettle));
  return state;
}
