import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { findWorkday } from 'chinese-days';
import { Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  applicationWorkflowId,
  ApprovalItemSnapshot,
  ApprovalStage,
  ProjectFacts,
  ProjectLifecycleState,
  projectLifecycleStateQuery,
  projectLifecycleWorkflowId,
  ProjectType,
  Roles,
  SequentialStages,
} from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, createTimeSkippingEnvironment, isolateKafkaConsumers, randomUscc, reformOffice, startServiceApp, waitFor } from '@cityworks/testing';
import { createWorkflowWorker } from '@cityworks/workflows';
import { AppModule as CatalogApp } from '../../services/catalog/src/app.module';
import { DemoLoaderService } from '../../services/catalog/src/demo/demo-loader.service';
import { CatalogActivitiesImpl } from '../../services/catalog/src/activities/catalog.activities';
import { AppModule as ApprovalApp } from '../../services/approval/src/app.module';
import { seedApprovalItem } from '../../services/approval/testing/catalog-items.fixture';
import { ApprovalItemCatalog } from '../../services/approval/src/catalog-items/approval-item-catalog';
import { AppModule as SupervisionApp } from '../../services/supervision/src/app.module';

jest.setTimeout(300_000);

const REGION = '210302'; // 铁东区: some items come from its own list, the rest from 鞍山市's

/**
 * Two projects from 立项 to 竣工验收 through the HTTP APIs: catalog, approval and supervision
 * in this process against the real Postgres and Kafka, the workflows on Temporal's real
 * time-skipping server. The catalog's demo city decides which items each stage needs.
 */
describe('a project from 立项 to 竣工验收 (end to end)', () => {
  let env: TestWorkflowEnvironment;
  let catalog: INestApplication;
  let approval: INestApplication;
  let supervision: INestApplication;
  let workflowWorker: Worker;
  let workflowWorkerRun: Promise<void>;
  const officer = (departmentCode: string) =>
    bearer({ userId: `officer-${departmentCode}`, departmentCode, regionCode: REGION, roles: [Roles.approvalOfficer] });
  const supervisor = (departmentCode: string) =>
    bearer({ userId: `supervisor-${departmentCode}`, departmentCode, regionCode: REGION, roles: [Roles.supervisionOfficer] });

  beforeAll(async () => {
    isolateKafkaConsumers();
    env = await createTimeSkippingEnvironment();
    process.env.TEMPORAL_ADDRESS = env.address;
    process.env.TEMPORAL_NAMESPACE = 'default'; // the test server is private to this test
    catalog = await startServiceApp(CatalogApp);
    await catalog.get(DemoLoaderService).load('e2e');
    approval = await startServiceApp(ApprovalApp);
    supervision = await startServiceApp(SupervisionApp);
    // no workflow cache: every workflow task replays from history (a determinism check on every
    // step), and no task waits on the sticky queue of a worker the crash test shuts down — the
    // time-skipping test server does not hand those back to the shared queue
    workflowWorker = await createWorkflowWorker(env.nativeConnection, { maxCachedWorkflows: 0 });
    workflowWorkerRun = workflowWorker.run();
    await supervision.get(EventConsumer).ready;
    await approval.get(EventConsumer).ready;
  });

  afterAll(async () => {
    workflowWorker?.shutdown();
    await workflowWorkerRun;
    await approval?.close();
    await supervision?.close();
    await catalog?.close();
    await env?.teardown();
    delete process.env.TEMPORAL_ADDRESS;
  });

  /** approval's copy of the catalog gets every item the project can need (as catalog.item-changed.v1 would bring it) */
  async function seedCatalogCopy(projectType: ProjectType, facts: ProjectFacts): Promise<Map<string, ApprovalItemSnapshot>> {
    const all = await catalog.get(CatalogActivitiesImpl).requiredItemsForStage({ projectType, regionCode: REGION, facts });
    expect(all.undetermined).toEqual([]);
    for (const r of all.items) await seedApprovalItem(approval, r.item);
    // what approval applies at 受理 is its own copy: other suites sharing this database may have
    // published other versions of the same items over Kafka, and the copy's version in force wins
    const copy = approval.get(ApprovalItemCatalog);
    const items = new Map<string, ApprovalItemSnapshot>();
    for (const r of all.items) items.set(r.itemCode, (await copy.inForce(r.itemCode, REGION, new Date()))!);
    return items;
  }

  const projectState = (code: string): Promise<ProjectLifecycleState> =>
    env.client.workflow.getHandle(projectLifecycleWorkflowId(code)).query(projectLifecycleStateQuery);
  const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>) => waitFor(what, probe, { timeoutMs: 60_000 });

  /** The stage's required items, once the workflow has asked the catalog. */
  const requiredIn = (code: string, stage: ApprovalStage) =>
    until(`${code} to list the items of ${stage}`, async () => {
      const s = await projectState(code);
      const progress = s.stages.find((x) => x.stage === stage)!;
      return progress.status === 'open' && progress.required.length ? progress.required : undefined;
    });

  async function register(code: string, type: ProjectType, facts: ProjectFacts, ownerUscc: string) {
    await request(approval.getHttpServer())
      .post('/projects')
      .set('authorization', reformOffice())
      .send({ code, name: `${type}示例项目`, type, regionCode: REGION, ownerUscc, facts })
      .expect(201);
  }

  async function accept(code: string, item: ApprovalItemSnapshot, ownerUscc: string, participatingDepartmentCodes?: string[]): Promise<string> {
    const res = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', officer(item.departmentCode))
      .send({ projectCode: code, itemCode: item.code, departmentCode: item.departmentCode, regionCode: REGION, ownerUscc, participatingDepartmentCodes });
    if (res.status !== 201) throw new Error(`受理 of ${item.code} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  const decide = (id: string, item: ApprovalItemSnapshot, decision: 'approved' | 'rejected' = 'approved', reason?: string) =>
    request(approval.getHttpServer()).post(`/applications/${id}/decision`).set('authorization', officer(item.departmentCode)).send({ decision, reason });

  /** Runs one stage: every required item accepted first (并联审批), then each decided. */
  async function runStage(
    code: string,
    stage: ApprovalStage,
    items: Map<string, ApprovalItemSnapshot>,
    ownerUscc: string,
    decided: Map<string, ApprovalItemSnapshot>,
  ) {
    const required = await requiredIn(code, stage);
    const ids = new Map<string, string>();
    for (const r of required) ids.set(r.itemCode, await accept(code, items.get(r.itemCode)!, ownerUscc));
    // all of the stage's applications run at once, each in its own workflow under the project's
    const running = await until(`the applications of ${stage} to run in parallel`, async () => {
      const described = await Promise.all([...ids.values()].map((id) => env.client.workflow.getHandle(applicationWorkflowId(id)).describe()));
      return described.every((d) => d.status.name === 'RUNNING') ? described : undefined;
    });
    expect(running.map((d) => d.parentExecution?.workflowId)).toEqual(required.map(() => projectLifecycleWorkflowId(code)));
    for (const [itemCode, id] of ids) {
      await decide(id, items.get(itemCode)!).expect(200);
      decided.set(id, items.get(itemCode)!);
    }
    return ids;
  }

  it('drives a 社会投资简易低风险 project through its four stages with 报装 alongside, each decision pushed to its supervising department', async () => {
    const code = `E2E-JYDFX-${Date.now()}`;
    const owner = randomUscc();
    const facts: ProjectFacts = { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false };
    const items = await seedCatalogCopy('社会投资简易低风险', facts);
    await register(code, '社会投资简易低风险', facts, owner);
    const decided = new Map<string, ApprovalItemSnapshot>();

    const stagesSeen: ApprovalStage[] = [];
    for (const stage of SequentialStages) {
      await until(`${code} to reach ${stage}`, async () => ((await projectState(code)).currentStage === stage ? true : undefined));
      stagesSeen.push(stage);
      // a later stage's items are not asked for yet
      const later = (await projectState(code)).stages.filter(
        (s) => SequentialStages.indexOf(s.stage as (typeof SequentialStages)[number]) > SequentialStages.indexOf(stage),
      );
      expect(later.every((s) => s.status === 'not-started')).toBe(true);
      if (stage === '工程建设许可') {
        // 市政公用报装 opens with 工程建设许可 and runs alongside
        await runStage(code, '市政公用报装', items, owner, decided);
      }
      await runStage(code, stage, items, owner, decided);
    }
    expect(stagesSeen).toEqual([...SequentialStages]);

    const result: ProjectLifecycleState = await env.client.workflow.getHandle(projectLifecycleWorkflowId(code)).result();
    expect(result.status).toBe('completed');
    const completed = result.stages.filter((s) => s.stage !== '市政公用报装').map((s) => s.completedAt!);
    expect([...completed].sort()).toEqual(completed);
    const project = await request(approval.getHttpServer()).get(`/projects/${code}`).set('authorization', reformOffice()).expect(200);
    expect(project.body).toMatchObject({ status: 'closed', stage: '竣工验收' });
    const db = approval.get(DataSource);
    const reached = await db.query(
      `SELECT envelope->'data'->>'stage' AS stage FROM outbox_events WHERE type = 'approval.project-stage-reached.v1' AND envelope->'data'->>'projectCode' = $1 ORDER BY created_at`,
      [code],
    );
    expect(reached.map((r: { stage: string }) => r.stage)).toEqual([...SequentialStages]);

    // 审批结果推送: every decision opened a task at its supervising department (from the catalog)
    for (const [id, item] of decided) {
      const task = await until(`the supervision task of ${item.code}`, async () => {
        const res = await request(supervision.getHttpServer())
          .get('/supervision-tasks')
          .set('authorization', supervisor(item.supervisingDepartmentCode))
          .query({ applicationId: id });
        return res.body.items?.[0];
      });
      expect(task).toMatchObject({ departmentCode: item.supervisingDepartmentCode, itemCode: item.code, projectCode: code });
    }
  });

  it('drives a 政府投资房屋建筑 project with a 联合验收 joint review, honest working-day clocks, and feedback back to approval', async () => {
    const code = `E2E-ZFTZ-${Date.now()}`;
    const owner = randomUscc();
    const facts: ProjectFacts = {
      investmentWanYuan: 12000,
      floorAreaSqm: 12000,
      landAreaSqm: 3000,
      annualEnergyTce: 100,
      newLand: false,
      environmentalImpact: '豁免',
      inCulturalRelicsArea: false,
      fellsTrees: false,
      occupiesRoad: false,
      specialConstruction: true,
      needsWater: true,
      needsDrainage: false,
      needsPower: true,
      needsGas: false,
      needsHeating: false,
    };
    const items = await seedCatalogCopy('政府投资房屋建筑', facts);
    await register(code, '政府投资房屋建筑', facts, owner);
    const decided = new Map<string, ApprovalItemSnapshot>();

    // 立项: the clock of an application is the calendar's: N working days after the acceptance day
    await until(`${code} to open 立项`, async () => ((await projectState(code)).currentStage === '立项用地规划许可' ? true : undefined));
    const firstRequired = await requiredIn(code, '立项用地规划许可');
    const first = items.get(firstRequired[0].itemCode)!;
    const firstId = await accept(code, first, owner);
    const view = await request(approval.getHttpServer()).get(`/applications/${firstId}`).set('authorization', officer(first.departmentCode)).expect(200);
    const acceptedDay = new Date(Date.parse(view.body.acceptedAt) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(view.body.timing).toMatchObject({
      timeLimitWorkingDays: first.timeLimitWorkingDays,
      usedWorkingDays: 0,
      remainingWorkingDays: first.timeLimitWorkingDays,
    });
    // the deadline's China date is the limit-th working day after the acceptance day (chinese-days, independently)
    const dueDay = new Date(Date.parse(view.body.timing.dueAt) + 8 * 3600_000 - 1).toISOString().slice(0, 10);
    expect(dueDay).toBe(findWorkday(first.timeLimitWorkingDays, acceptedDay));
    // the workflow waits for the same instant
    const clock = await until('the application workflow to hold the clock', async () => {
      const s = await projectState(code);
      return s.applications.find((a) => a.applicationId === firstId);
    });
    expect(clock.dueAt).toBe(view.body.timing.dueAt);
    // a rejection waits for a resubmission
    await decide(firstId, first, 'rejected', '申请材料与项目建议书不符').expect(200);
    await until(
      'the rejection to reach the project',
      async () => (await projectState(code)).stages[0].required.find((r) => r.itemCode === first.code)?.status === 'rejected',
    );
    expect((await projectState(code)).currentStage).toBe('立项用地规划许可');
    await runStage(code, '立项用地规划许可', items, owner, decided);

    await until(`${code} to reach 工程建设许可`, async () => ((await projectState(code)).currentStage === '工程建设许可' ? true : undefined));
    await runStage(code, '市政公用报装', items, owner, decided);
    await runStage(code, '工程建设许可', items, owner, decided);
    await until(`${code} to reach 施工许可`, async () => ((await projectState(code)).currentStage === '施工许可' ? true : undefined));
    await runStage(code, '施工许可', items, owner, decided);
    await until(`${code} to reach 竣工验收`, async () => ((await projectState(code)).currentStage === '竣工验收' ? true : undefined));

    // 联合验收: 规划核实 (JS-GHHS-001) with the 住建局 and 人防办 giving their opinions first
    const required = await requiredIn(code, '竣工验收');
    const joint = items.get('JS-GHHS-001')!;
    expect(required.map((r) => r.itemCode)).toContain(joint.code);
    const participants = ['AS-ZJJ', 'AS-RFB', 'AS-ZRZYJ'].filter((d) => d !== joint.departmentCode).slice(0, 2);
    const jointId = await accept(code, joint, owner, participants);
    await decide(jointId, joint).expect(409);
    for (const department of participants) {
      await request(approval.getHttpServer())
        .post(`/applications/${jointId}/joint-review/opinions`)
        .set('authorization', officer(department))
        .send({ opinion: '同意' })
        .expect((res) => expect(res.status).toBeLessThan(300));
    }
    await decide(jointId, joint).expect(200);
    decided.set(jointId, joint);
    const rest = new Map([...items].filter(([itemCode]) => itemCode !== joint.code));
    const others = required.filter((r) => r.itemCode !== joint.code);
    for (const r of others) {
      const id = await accept(code, rest.get(r.itemCode)!, owner);
      await decide(id, rest.get(r.itemCode)!).expect(200);
      decided.set(id, rest.get(r.itemCode)!);
    }

    const result: ProjectLifecycleState = await env.client.workflow.getHandle(projectLifecycleWorkflowId(code)).result();
    expect(result.status).toBe('completed');
    expect(result.applications.filter((a) => a.status === 'rejected')).toHaveLength(1);

    // 审管联动 both ways: a task per decision at the catalog's supervising department; its feedback shows on the application
    for (const [id, item] of decided) {
      await until(`the supervision task of ${item.code}`, async () => {
        const res = await request(supervision.getHttpServer())
          .get('/supervision-tasks')
          .set('authorization', supervisor(item.supervisingDepartmentCode))
          .query({ applicationId: id });
        return res.body.items?.[0];
      });
    }
    const [[someId, someItem]] = [...decided];
    const task = (
      await request(supervision.getHttpServer())
        .get('/supervision-tasks')
        .set('authorization', supervisor(someItem.supervisingDepartmentCode))
        .query({ applicationId: someId })
    ).body.items[0];
    await request(supervision.getHttpServer())
      .post(`/supervision-tasks/${task.id}/feedback`)
      .set('authorization', supervisor(someItem.supervisingDepartmentCode))
      .send({ outcome: '已现场核查，符合审批条件' })
      .expect(200);
    const shown = await until('the feedback to show on the application', async () => {
      const res = await request(approval.getHttpServer()).get(`/applications/${someId}`).set('authorization', officer(someItem.departmentCode));
      return res.body.supervisionFeedback;
    });
    expect(shown).toMatchObject({ departmentCode: someItem.supervisingDepartmentCode, outcome: '已现场核查，符合审批条件' });
  });

  it('keeps the record and the workflow in agreement when the service and the worker die between the commit and the signal', async () => {
    const code = `E2E-CRASH-${Date.now()}`;
    const owner = randomUscc();
    const facts: ProjectFacts = { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: false, needsDrainage: false };
    const items = await seedCatalogCopy('社会投资简易低风险', facts);
    await register(code, '社会投资简易低风险', facts, owner);
    const [required] = await requiredIn(code, '立项用地规划许可');
    const item = items.get(required.itemCode)!;
    const id = await accept(code, item, owner);
    const application = env.client.workflow.getHandle(applicationWorkflowId(id));
    await until('the application workflow to run', async () => ((await application.describe()).status.name === 'RUNNING' ? true : undefined));

    // the workflow worker dies, and the service commits the decision but dies before it signals the workflow
    workflowWorker.shutdown();
    await workflowWorkerRun;
    // (its workflow command relay never runs: WORKFLOW_COMMAND_RELAY_ENABLED=false stands for that)
    await approval.close();
    process.env.WORKFLOW_COMMAND_RELAY_ENABLED = 'false';
    isolateKafkaConsumers(); // a new consumer group: no wait for the closed one's session to expire
    const dying = await startServiceApp(ApprovalApp);
    try {
      await request(dying.getHttpServer())
        .post(`/applications/${id}/decision`)
        .set('authorization', officer(item.departmentCode))
        .send({ decision: 'approved' })
        .expect(200);
    } finally {
      await dying.close();
      delete process.env.WORKFLOW_COMMAND_RELAY_ENABLED;
    }
    const db = catalog.get(DataSource);
    const [{ status }] = await db.query('SELECT status FROM approval.applications WHERE id = $1', [id]);
    expect(status).toBe('approved');
    const waiting = await db.query(`SELECT kind FROM approval.workflow_commands WHERE workflow_id = $1 AND delivered_at IS NULL`, [applicationWorkflowId(id)]);
    expect(waiting).toEqual([{ kind: 'signal' }]);
    // Temporal has not heard of the decision
    expect((await application.describe()).status.name).toBe('RUNNING');

    // both come back: the stored command is delivered, the workflow ends with the record's decision
    isolateKafkaConsumers();
    approval = await startServiceApp(ApprovalApp);
    // a new worker process: nothing cached, so it replays the workflows from their histories
    workflowWorker = await createWorkflowWorker(env.nativeConnection, { maxCachedWorkflows: 0 });
    workflowWorkerRun = workflowWorker.run();
    await until('the application workflow to finish', async () => ((await application.describe()).status.name === 'COMPLETED' ? true : undefined));
    expect(await application.result()).toMatchObject({ status: 'decided', decision: { decision: 'approved' } });
    await until(
      'the project to count the approval',
      async () => (await projectState(code)).applications.find((a) => a.applicationId === id)?.status === 'approved',
    );
    const delivered = await db.query(`SELECT count(*)::int AS n FROM approval.workflow_commands WHERE workflow_id = $1 AND delivered_at IS NULL`, [
      applicationWorkflowId(id),
    ]);
    expect(delivered).toEqual([{ n: 0 }]);
    await env.client.workflow.getHandle(projectLifecycleWorkflowId(code)).terminate('test done');
  });
});
