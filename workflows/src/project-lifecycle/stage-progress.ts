import type {
  ApprovalStage,
  LifecycleApplication,
  ProjectLifecycleState,
  RequiredItemProgress,
  RequiredItemsResult,
  StageProgress,
} from '@cityworks/contracts';

/**
 * Pure bookkeeping of a project's stages (no Temporal API here, so it is unit-tested alone):
 * which required items are approved, and whether a stage is done.
 */

/** An item is approved when an application for it stands approved (not revoked). */
export function itemStatus(applications: readonly LifecycleApplication[], itemCode: string): RequiredItemProgress['status'] {
  const mine = applications.filter((a) => a.itemCode === itemCode);
  if (mine.some((a) => a.status === 'approved')) return 'approved';
  if (mine.some((a) => a.status === 'in-progress')) return 'in-progress';
  const last = mine[mine.length - 1];
  if (!last) return 'not-applied';
  return last.status === 'revoked' ? 'revoked' : 'rejected';
}

/** The required items the catalog named, with what the project's applications say of each. */
export function requiredFromCatalog(
  result: RequiredItemsResult,
  applications: readonly LifecycleApplication[],
): Pick<StageProgress, 'required' | 'undetermined'> {
  return {
    required: result.items.map(({ itemCode, item }) => ({
      itemCode,
      name: item.name,
      departmentCode: item.departmentCode,
      timeLimitWorkingDays: item.timeLimitWorkingDays,
      status: itemStatus(applications, itemCode),
    })),
    undetermined: result.undetermined.map(({ itemCode, missingFacts }) => ({ itemCode, missingFacts: [...missingFacts] })),
  };
}

/** Brings every required item's status up to date with the applications. */
export function refreshStatuses(state: ProjectLifecycleState): void {
  for (const stage of state.stages) for (const item of stage.required) item.status = itemStatus(state.applications, item.itemCode);
}

/** A stage is done when nothing is undetermined and every required item is approved. */
export function stageDone(stage: StageProgress): boolean {
  return stage.undetermined.length === 0 && stage.required.every((item) => item.status === 'approved');
}

export function stageOf(state: ProjectLifecycleState, stage: ApprovalStage): StageProgress {
  const found = state.stages.find((s) => s.stage === stage);
  if (!found) throw new Error(`stage ${stage} is not tracked`);
  return found;
}

/**
 * The project's nearest deadline and whether anything is overdue, over the applications still
 * running: what the DueAt and Overdue search attributes show.
 */
export function clocks(state: ProjectLifecycleState): { dueAt: string | null; overdue: boolean } {
  const running = state.applications.filter((a) => a.status === 'in-progress');
  const dues = running.map((a) => a.dueAt).filter((d): d is string => d !== null);
  dues.sort();
  return { dueAt: dues[0] ?? null, overdue: running.some((a) => a.overdue) };
}
