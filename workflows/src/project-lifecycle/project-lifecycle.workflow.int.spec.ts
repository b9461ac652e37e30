import { Worker } from '@temporalio/worker';
import { WorkflowNotFoundError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ApplicationClockReading,
  applicationAcceptedSignal,
  applicationClockChangedSignal,
  applicationDecidedSignal,
  applicationStateQuery,
  applicationWorkflowId,
  ApprovalActivities,
  ApprovalStage,
  ProjectLifecycleInput,
  ProjectLifecycleState,
  projectFactsChangedSignal,
  projectLifecycleStateQuery,
  projectLifecycleWorkflowType,
  ProjectProgress,
  RequiredItemsQuery,
  RequiredItemsResult,
  TaskQueues,
} from '@cityworks/contracts';
import { createTimeSkippingEnvironment, waitFor } from '@cityworks/testing';
import { aliasWorkspaceLibs, findWorkspaceRoot } from '@cityworks/temporal';
import { createWorkflowWorker } from '../worker';

/**
 * The lifecycle and application workflows on Temporal's time-skipping server; the catalog and
 * approval activities are faked (the end-to-end test runs them for real).
 */
jest.setTimeout(60_000);

describe('projectLifecycleWorkflow and applicationWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let workers: Worker[];
  let running: Promise<unknown>;

  /** what the fake approval record says of each application */
  const records = new Map<string, ApplicationClockReading>();
  const progress: ProjectProgress[] = [];
  const overdueMarks: string[] = [];
  const catalogQueries: RequiredItemsQuery[] = [];

  /** a small template: two items in 立项, one in each later stage; 报装 needs a fact */
  const template: Record<ApprovalStage, { code: string; needs?: string }[]> = {
    立项用地规划许可: [{ code: 'A-1' }, { code: 'A-2' }],
    工程建设许可: [{ code: 'B-1' }],
    施工许可: [{ code: 'C-1' }],
    竣工验收: [{ code: 'D-1' }],
    市政公用报装: [{ code: 'U-1', needs: 'needsWater' }],
  };

  const approvalActivities: ApprovalActivities = {
    async getApplicationFacts() {
      throw new Error('not used');
    },
    async readApplicationClock({ applicationId }) {
      const r = records.get(applicationId);
      if (!r) throw new Error(`no record ${applicationId}`);
      return r;
    },
    async markApplicationOverdue({ applicationId }) {
      overdueMarks.push(applicationId);
      const r = records.get(applicationId)!;
      if (r.status === 'accepted' && r.dueAt) r.overdue = true;
      return r;
    },
    async recordProjectProgress(p) {
      progress.push(p);
    },
    async revokeForBrokenCommitment() {
      throw new Error('not used');
    },
    async cancelCommitmentEligibility() {
      throw new Error('not used');
    },
  };
  const catalogActivities = {
    async requiredItemsForStage(query: RequiredItemsQuery): Promise<RequiredItemsResult> {
      catalogQueries.push(query);
      const entries = template[query.stage!];
      const item = (code: string) => ({ name: `item ${code}`, departmentCode: 'AS-XZSPJ', timeLimitWorkingDays: 5 });
      const known = entries.filter((e) => !e.needs || query.facts[e.needs as keyof typeof query.facts] !== undefined);
      const needed = known.filter((e) => !e.needs || query.facts[e.needs as keyof typeof query.facts] === true);
      return {
        projectType: query.projectType,
        regionCode: query.regionCode,
        asOf: '2026-11-30',
        template: { regionCode: '210300', version: 1, effectiveFrom: '2025-01-01' },
        items: needed.map((e) => ({ stage: query.stage!, itemCode: e.code, note: null, item: item(e.code) })) as unknown as RequiredItemsResult['items'],
        undetermined: entries
          .filter((e) => e.needs && query.facts[e.needs as keyof typeof query.facts] === undefined)
          .map((e) => ({
            stage: query.stage!,
            itemCode: e.code,
            note: null,
            item: item(e.code),
            missingFacts: [e.needs!],
          })) as unknown as RequiredItemsResult['undetermined'],
        unavailable: [],
      };
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    const namespace = env.namespace ?? 'default';
    workers = [
      await createWorkflowWorker(env.nativeConnection, { namespace }),
      await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.approval, activities: approvalActivities }),
      await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: TaskQueues.catalog, activities: catalogActivities }),
    ];
    running = Promise.all(workers.map((w) => w.run()));
  });

  afterAll(async () => {
    // after a failed start there may be nothing to stop
    workers?.forEach((w) => w.shutdown());
    await running;
    await env?.teardown();
  });

  // a query the time-skipping server leaves unanswered as the run continues as new is sent again after 5 s (waitFor)
  const until = <T>(probe: () => Promise<T | undefined | null | false>) =>
    waitFor('the workflows to get there', probe, { timeoutMs: 20_000, probeTimeoutMs: 5_000 });
  const serverNow = async () => Number(await env.currentTimeMs());
  let n = 0;
  const startProject = async (overrides: Partial<ProjectLifecycleInput> = {}) => {
    const code = `P-${Date.now().toString(36)}-${++n}`;
    const input: ProjectLifecycleInput = {
      projectCode: code,
      projectType: '社会投资简易低风险',
      regionCode: '210302',
      ownerUscc: '91350100M000100Y43',
      facts: {},
      ...overrides,
    };
    return env.client.workflow.start(projectLifecycleWorkflowType, { workflowId: `project-${code}`, taskQueue: TaskQueues.workflows, args: [input] });
  };
  // with a deadline: a query the test server leaves unanswered must not outlive the suite (its
  // client retries on a closed connection, failing whichever suite runs next in the process)
  const state = (handle: { query: (q: typeof projectLifecycleStateQuery) => Promise<ProjectLifecycleState> }) =>
    env.client.withDeadline(Date.now() + 5_000, () => handle.query(projectLifecycleStateQuery));

  /** 受理 of one item: the record and the signal, as approval does it */
  const accept = async (project: Awaited<ReturnType<typeof startProject>>, itemCode: string, stage: ApprovalStage, dueInMs = 7 * 86400_000) => {
    const applicationId = `${project.workflowId}-${itemCode}-${++n}`;
    const dueAt = new Date((await serverNow()) + dueInMs).toISOString();
    records.set(applicationId, { applicationId, status: 'accepted', decision: null, decidedAt: null, dueAt, overdue: false });
    await project.signal(applicationAcceptedSignal, {
      applicationId,
      itemCode,
      stage,
      departmentCode: 'AS-XZSPJ',
      regionCode: '210302',
      acceptedAt: new Date().toISOString(),
      dueAt,
    });
    return applicationId;
  };
  const decide = async (applicationId: string, decision: 'approved' | 'rejected') => {
    const decidedAt = new Date().toISOString();
    records.set(applicationId, { ...records.get(applicationId)!, status: decision, decision, decidedAt, dueAt: null });
    await until(() => env.client.workflow.getHandle(applicationWorkflowId(applicationId)).describe());
    // a workflow that started after the record changed has read the decision and finished (as the relay, drop the signal then)
    await env.client.workflow
      .getHandle(applicationWorkflowId(applicationId))
      .signal(applicationDecidedSignal, { decision, decidedAt })
      .catch((e: Error) => {
        if (!(e instanceof WorkflowNotFoundError)) throw e;
      });
  };
  const stageIs = async (project: Awaited<ReturnType<typeof startProject>>, stage: ApprovalStage | null, status: ProjectLifecycleState['status'] = 'running') =>
    until(async () => {
      const s = await state(project);
      return s.currentStage === stage && s.status === status ? s : undefined;
    });

  it('runs the stages in order with parallel applications, 报装 alongside, and closes at 竣工验收', async () => {
    const project = await startProject({ facts: { needsWater: true } });
    await stageIs(project, '立项用地规划许可');
    const first = await until(async () => {
      const s = await state(project);
      return s.stages[0].required.length ? s : undefined;
    });
    expect(first.stages.find((s) => s.stage === '立项用地规划许可')!.required.map((r) => r.itemCode)).toEqual(['A-1', 'A-2']);

    // 并联审批: both applications of the stage run at once, each in its own child workflow
    const a1 = await accept(project, 'A-1', '立项用地规划许可');
    const a2 = await accept(project, 'A-2', '立项用地规划许可');
    const children = await until(async () => {
      const found = await Promise.all([a1, a2].map((id) => env.client.workflow.getHandle(applicationWorkflowId(id)).describe()));
      return found.every((d) => d.status.name === 'RUNNING') ? found : undefined;
    });
    expect(children.map((c) => c.parentExecution?.workflowId)).toEqual([project.workflowId, project.workflowId]);

    await decide(a1, 'approved');
    // one approval of two does not complete the stage
    await until(async () => (await state(project)).applications.find((a) => a.applicationId === a1)?.status === 'approved');
    expect((await state(project)).currentStage).toBe('立项用地规划许可');
    await decide(a2, 'approved');

    const second = await stageIs(project, '工程建设许可');
    expect(second.stages.find((s) => s.stage === '立项用地规划许可')!.status).toBe('completed');
    // 市政公用报装 opens alongside 工程建设许可
    await until(async () => (await state(project)).stages.find((s) => s.stage === '市政公用报装')!.required.length === 1);
    const u1 = await accept(project, 'U-1', '市政公用报装');
    await decide(await accept(project, 'B-1', '工程建设许可'), 'approved');
    await stageIs(project, '施工许可');
    await decide(await accept(project, 'C-1', '施工许可'), 'approved');
    await stageIs(project, '竣工验收');
    await decide(await accept(project, 'D-1', '竣工验收'), 'approved');
    // 竣工验收 done, 报装 not yet: the project waits for it
    await until(async () => (await state(project)).stages.find((s) => s.stage === '竣工验收')!.status === 'completed');
    expect((await state(project)).status).toBe('running');
    await decide(u1, 'approved');

    const result: ProjectLifecycleState = await project.result();
    expect(result.status).toBe('completed');
    expect(result.stages.every((s) => s.status === 'completed')).toBe(true);
    const mine = progress.filter((p) => p.projectCode === first.projectCode);
    expect(mine.map((p) => p.stage ?? 'completed')).toEqual(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', 'completed']);

    // deterministic: both histories replay on today's code without a mismatch
    const replayOptions = {
      workflowsPath: require.resolve('../workflows'),
      interceptors: { workflowModules: [require.resolve('../correlation.interceptors')] },
      bundlerOptions: { webpackConfigHook: aliasWorkspaceLibs(findWorkspaceRoot(__dirname), false) },
    };
    await Worker.runReplayHistory(replayOptions, await project.fetchHistory(), project.workflowId);
    await Worker.runReplayHistory(replayOptions, await env.client.workflow.getHandle(applicationWorkflowId(a1)).fetchHistory(), applicationWorkflowId(a1));
  });

  it('waits for a resubmission after a rejection, and asks the catalog again when the facts change', async () => {
    const project = await startProject();
    await stageIs(project, '立项用地规划许可');
    const rejected = await accept(project, 'A-1', '立项用地规划许可');
    await decide(rejected, 'rejected');
    await decide(await accept(project, 'A-2', '立项用地规划许可'), 'approved');
    await until(async () => (await state(project)).stages[0].required.find((r) => r.itemCode === 'A-1')?.status === 'rejected');
    expect((await state(project)).currentStage).toBe('立项用地规划许可');
    // 补正 and resubmitted: a new application for the same item
    await decide(await accept(project, 'A-1', '立项用地规划许可'), 'approved');
    await stageIs(project, '工程建设许可');

    // 报装 depends on a fact the project has not given: it stays undetermined until it is given
    const utility = await until(async () => {
      const s = (await state(project)).stages.find((x) => x.stage === '市政公用报装')!;
      return s.undetermined.length ? s : undefined;
    });
    expect(utility.undetermined).toEqual([{ itemCode: 'U-1', missingFacts: ['needsWater'] }]);
    const asked = catalogQueries.length;
    await project.signal(projectFactsChangedSignal, { needsWater: false });
    await until(async () => (await state(project)).stages.find((x) => x.stage === '市政公用报装')!.status === 'completed');
    expect(catalogQueries.length).toBeGreaterThan(asked);
    await project.terminate('test done');
  });

  it('marks an application overdue at its deadline, not while its clock is stopped, and moves the deadline on resume', async () => {
    const project = await startProject();
    await stageIs(project, '立项用地规划许可');
    const id = await accept(project, 'A-1', '立项用地规划许可', 5 * 86400_000);
    const application = env.client.workflow.getHandle(applicationWorkflowId(id));
    await until(() => application.describe());

    // 暂停计时 (补正材料): the deadline does not run out while the clock is stopped
    records.set(id, { ...records.get(id)!, dueAt: null });
    await application.signal(applicationClockChangedSignal, { dueAt: null, cause: '补正材料' });
    await until(async () => ((await application.query(applicationStateQuery)).status === 'clock-stopped' ? true : undefined));
    await env.sleep('10 days');
    expect(overdueMarks).not.toContain(id);

    // resumed: the moved deadline is 3 days on; past it the application is overdue
    const moved = new Date((await serverNow()) + 3 * 86400_000).toISOString();
    records.set(id, { ...records.get(id)!, dueAt: moved });
    await application.signal(applicationClockChangedSignal, { dueAt: moved, cause: 'resumed' });
    await until(async () => ((await application.query(applicationStateQuery)).dueAt === moved ? true : undefined));
    await env.sleep('4 days');
    const overdue = await until(async () => {
      const s = await application.query(applicationStateQuery);
      return s.overdue ? s : undefined;
    });
    expect(overdue.status).toBe('overdue');
    expect(overdueMarks.filter((x) => x === id)).toHaveLength(1);
    const described = await application.describe();
    expect(described.searchAttributes.Overdue).toEqual([true]);
    // the project shows it too
    await until(async () => (await state(project)).applications.find((a) => a.applicationId === id)?.overdue === true);
    await until(async () => ((await project.describe()).searchAttributes.Overdue?.[0] === true ? true : undefined));

    // a late decision still ends it
    await decide(id, 'approved');
    expect((await application.result()).status).toBe('decided');
    await project.terminate('test done');
  });

  it('reads the record when it starts, so a decision signalled before it existed is not lost', async () => {
    const project = await startProject();
    await stageIs(project, '立项用地规划许可');
    const applicationId = `${project.workflowId}-early`;
    const decidedAt = new Date().toISOString();
    records.set(applicationId, { applicationId, status: 'approved', decision: 'approved', decidedAt, dueAt: null, overdue: false });
    await project.signal(applicationAcceptedSignal, {
      applicationId,
      itemCode: 'A-1',
      stage: '立项用地规划许可',
      departmentCode: 'AS-XZSPJ',
      regionCode: '210302',
      acceptedAt: decidedAt,
      dueAt: new Date((await serverNow()) + 86400_000).toISOString(),
    });
    const result = await until(() => env.client.workflow.getHandle(applicationWorkflowId(applicationId)).result());
    expect(result.decision).toEqual({ decision: 'approved', decidedAt });
    await until(async () => (await state(project)).stages[0].required.find((r) => r.itemCode === 'A-1')?.status === 'approved');
    await project.terminate('test done');
  });

  it('completes an application decided after its project was terminated, noting the report that did not land', async () => {
    const project = await startProject({ facts: { needsWater: false } });
    await stageIs(project, '立项用地规划许可');
    const id = await accept(project, 'A-1', '立项用地规划许可');
    await until(async () => (await env.client.workflow.getHandle(applicationWorkflowId(id)).describe()).status.name === 'RUNNING');
    await project.terminate('closed by an operator');
    await decide(id, 'approved');
    // its report finds no run of the project: tried 6 times over 31 s (skipped), then let go
    const result = await env.client.workflow.getHandle(applicationWorkflowId(id)).result();
    expect(result.status).toBe('decided');
    expect(result.decision?.decision).toBe('approved');
    expect(result.reportProblem).toMatch(/^the project did not take the report \(try 6 of 6\)/);
  });

  it('continues as new before its history grows long, keeping its state and its applications', async () => {
    const project = await startProject({ historyLimit: 40, facts: { needsWater: false } });
    await stageIs(project, '立项用地规划许可');
    const ids = [await accept(project, 'A-1', '立项用地规划许可'), await accept(project, 'A-2', '立项用地规划许可')];
    for (const id of ids) await decide(id, 'approved');
    await stageIs(project, '工程建设许可');
    const firstRun = project.firstExecutionRunId;
    const latest = await env.client.workflow.getHandle(project.workflowId).describe();
    expect(latest.runId).not.toBe(firstRun);
    const s = await state(env.client.workflow.getHandle(project.workflowId));
    expect(s.applications.map((a) => a.status)).toEqual(['approved', 'approved']);
    await env.client.workflow.getHandle(project.workflowId).terminate('test done');
  });
});
