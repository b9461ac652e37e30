import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import {
  ApplicationAcceptedNotice,
  applicationAcceptedSignal,
  ApplicationProgressNotice,
  applicationProgressSignal,
  ApplicationRevokedNotice,
  applicationRevokedSignal,
  applicationWorkflowId,
  ApprovalActivities,
  ApprovalStage,
  CatalogActivities,
  ProjectFacts,
  projectFactsChangedSignal,
  ProjectLifecycleInput,
  ProjectLifecycleState,
  projectLifecycleStateQuery,
  SearchAttributes,
  SequentialStages,
  TaskQueues,
  UtilityStage,
  UtilityStageOpensWith,
} from '@cityworks/contracts';
import type { applicationWorkflow } from '../application/application.workflow';
import { clocks, refreshStatuses, requiredFromCatalog, stageDone, stageOf } from './stage-progress';

const catalog = proxyActivities<CatalogActivities>({
  taskQueue: TaskQueues.catalog,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['NotFound', 'InvalidInput'] },
});
const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TaskQueues.approval,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** a run hands over to a fresh one (continue-as-new) past this many history events */
const HISTORY_LIMIT = 4000;
/** a stage the catalog cannot answer for (no template for the type, bad facts) asks again this often */
const CATALOG_RETRY = '1 day';

/**
 * 工程建设项目 from 立项 to 竣工验收. The stages run in order; from 工程建设许可 on, 市政公用报装
 * runs alongside. Each stage asks the catalog which items the project needs (again whenever the
 * project's facts change), starts one application workflow per accepted application, in
 * parallel (并联审批), and completes when every required item is approved; a rejected item waits
 * for its resubmission. 竣工验收 closes the project once 报装 is done too.
 */
export async function projectLifecycleWorkflow(input: ProjectLifecycleInput): Promise<ProjectLifecycleState> {
  const state: ProjectLifecycleState = input.carried ?? {
    projectCode: input.projectCode,
    status: 'running',
    currentStage: null,
    stages: [...SequentialStages, UtilityStage].map((stage) => ({
      stage,
      status: 'not-started',
      openedAt: null,
      completedAt: null,
      required: [],
      undetermined: [],
    })),
    applications: [],
    completedAt: null,
  };
  let facts: ProjectFacts = input.facts;
  let factsVersion = 0;
  const toStart: ApplicationAcceptedNotice[] = [...(input.pendingStarts ?? [])];
  let shownClocks = clocks(state);
  // a fresh run (continue-as-new) shows where the project is
  if (state.currentStage) upsertSearchAttributes([{ key: SearchAttributes.stage, value: state.currentStage }]);

  const showClocks = () => {
    refreshStatuses(state);
    const now = clocks(state);
    if (now.dueAt === shownClocks.dueAt && now.overdue === shownClocks.overdue) return;
    shownClocks = now;
    upsertSearchAttributes([
      { key: SearchAttributes.overdue, value: now.overdue },
      { key: SearchAttributes.dueAt, value: now.dueAt ? new Date(now.dueAt) : null },
    ]);
  };

  setHandler(applicationAcceptedSignal, (notice: ApplicationAcceptedNotice) => {
    if (state.applications.some((a) => a.applicationId === notice.applicationId)) return;
    state.applications.push({
      applicationId: notice.applicationId,
      itemCode: notice.itemCode,
      stage: notice.stage,
      departmentCode: notice.departmentCode,
      acceptedAt: notice.acceptedAt,
      status: 'in-progress',
      dueAt: notice.dueAt,
      overdue: false,
      decidedAt: null,
    });
    toStart.push(notice);
    showClocks();
  });
  setHandler(applicationProgressSignal, (notice: ApplicationProgressNotice) => {
    const application = state.applications.find((a) => a.applicationId === notice.applicationId);
    if (!application || application.status === 'revoked') return;
    application.dueAt = notice.dueAt;
    application.overdue = notice.overdue;
    if (notice.decision) {
      application.status = notice.decision;
      application.decidedAt = notice.decidedAt;
    }
    showClocks();
  });
  setHandler(applicationRevokedSignal, (notice: ApplicationRevokedNotice) => {
    const application = state.applications.find((a) => a.applicationId === notice.applicationId);
    if (!application) return;
    application.status = 'revoked';
    showClocks();
  });
  setHandler(projectFactsChangedSignal, (changed: ProjectFacts) => {
    facts = changed;
    factsVersion++;
  });
  setHandler(projectLifecycleStateQuery, () => {
    refreshStatuses(state);
    return state;
  });

  const rollOver = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? HISTORY_LIMIT);

  /** 并联审批: each accepted application gets its own workflow, a child of this one. */
  const startApplications = async () => {
    for (;;) {
      await condition(() => toStart.length > 0);
      const notice = toStart[0];
      try {
        await startChild<typeof applicationWorkflow>('applicationWorkflow', {
          workflowId: applicationWorkflowId(notice.applicationId),
          args: [{ ...notice, projectCode: input.projectCode }],
          // the application outlives a run of this workflow (continue-as-new) and reports by id
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: [
            { key: SearchAttributes.projectCode, value: input.projectCode },
            { key: SearchAttributes.stage, value: notice.stage },
            { key: SearchAttributes.itemCode, value: notice.itemCode },
            { key: SearchAttributes.departmentCode, value: notice.departmentCode },
            { key: SearchAttributes.regionCode, value: notice.regionCode },
            { key: SearchAttributes.obligationKind, value: 'application' },
            { key: SearchAttributes.overdue, value: false },
            { key: SearchAttributes.dueAt, value: new Date(notice.dueAt) },
          ],
        });
      } catch (e) {
        // started before (a redelivered notice, or a run before continue-as-new): nothing to do
        if ((e as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw e;
      }
      toStart.shift();
    }
  };

  /** Opens a stage and waits until the catalog's required items for it are all approved. */
  const runStage = async (stage: ApprovalStage) => {
    const progress = stageOf(state, stage);
    if (progress.status === 'completed') return;
    if (progress.status === 'not-started') {
      progress.status = 'open';
      progress.openedAt = new Date().toISOString();
    }
    for (;;) {
      const askedWith = factsVersion;
      try {
        const result = await catalog.requiredItemsForStage({ projectType: input.projectType, regionCode: input.regionCode, stage, facts });
        Object.assign(progress, requiredFromCatalog(result, state.applications), { problem: null });
      } catch (e) {
        if (!(e instanceof ActivityFailure && e.cause instanceof ApplicationFailure)) throw e;
        progress.problem = e.cause.message;
        await Promise.race([condition(() => factsVersion !== askedWith), sleep(CATALOG_RETRY)]);
        continue;
      }
      const done = () => {
        refreshStatuses(state);
        return stageDone(progress);
      };
      await condition(() => factsVersion !== askedWith || done());
      if (factsVersion === askedWith) break;
    }
    progress.status = 'completed';
    progress.completedAt = new Date().toISOString();
  };

  const openSequentialStage = async (stage: ApprovalStage) => {
    state.currentStage = stage;
    upsertSearchAttributes([{ key: SearchAttributes.stage, value: stage }]);
    await approval.recordProjectProgress({ projectCode: input.projectCode, stage, completed: false, at: new Date().toISOString() });
  };

  const lifecycle = async () => {
    const utilityOpen = () => stageOf(state, UtilityStageOpensWith).status !== 'not-started';
    const utility = (async () => {
      await condition(utilityOpen);
      await runStage(UtilityStage);
    })();
    for (const stage of SequentialStages) {
      if (stageOf(state, stage).status === 'completed') continue;
      if (state.currentStage !== stage) await openSequentialStage(stage);
      await runStage(stage);
      if (rollOver()) return 'roll-over' as const;
    }
    await utility;
    return 'completed' as const;
  };

  const rolling = (async () => {
    await condition(rollOver);
    return 'roll-over' as const;
  })();
  const outcome = await Promise.race([lifecycle(), rolling, startApplications() as Promise<never>]);
  if (outcome === 'roll-over') {
    await condition(allHandlersFinished);
    await continueAsNew<typeof projectLifecycleWorkflow>({ ...input, facts, carried: state, pendingStarts: toStart });
  }

  // every application started before the end has its workflow (none is left in the queue)
  await condition(() => toStart.length === 0);
  state.status = 'completed';
  state.currentStage = null;
  state.completedAt = new Date().toISOString();
  await approval.recordProjectProgress({ projectCode: input.projectCode, stage: null, completed: true, at: state.completedAt });
  return state;
}
