import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { ComplaintEventTypes, ComplaintUpheldV1, IntegrationEvent, Roles, SupervisionEventTypes, SupervisionFeedbackGivenV1 } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionActivitiesImpl } from '../activities/supervision.activities';
import { ComplaintUpheldHandler } from './events/complaint-upheld.handler';
import { OversightFiguresRepository } from '../oversight-reports/persistence/oversight-figures.repository';

jest.setTimeout(90_000);

/**
 * Tasks from other sources against the real Postgres and Temporal dev server: 风险预警 pushes,
 * 专项检查 from upheld complaints (handed to the inbox path directly), referrals between departments.
 */
describe('inspection tasks (风险预警, 专项检查, 告知其他机关)', () => {
  let app: INestApplication;
  let db: DataSource;
  const bridge = bearer({ userId: 'national-bridge', departmentCode: 'SYSTEM', roles: [Roles.system] });
  const zjj = bearer({ userId: 'zjj-5', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const hbj = bearer({ userId: 'hb-5', departmentCode: 'AS-HBJ', roles: [Roles.supervisionOfficer] });
  const post = (url: string, body: object, token: string) => request(app.getHttpServer()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(app.getHttpServer()).get(url).set('authorization', token);
  const outbox = (subject: string, type: string) =>
    db.query('SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2', [subject, type]) as Promise<{ envelope: IntegrationEvent }[]>;

  const warning = (overrides: Record<string, unknown> = {}) => ({
    externalId: `FXYJ-2026-210302-${randomUUID().slice(0, 8)}`,
    title: '某在建工地塔吊监测数据异常',
    content: '塔吊力矩监测连续 3 次超限',
    riskLevel: 'high',
    receivingDepartmentCode: 'AS-ZJJ',
    regionCode: '210302',
    supervisionItemCode: 'JG-JZSG-001',
    subjectUscc: randomUscc(),
    issuedAt: '2026-11-30T09:00:00+08:00',
    ...overrides,
  });
  const upheld = (overrides: Partial<ComplaintUpheldV1> = {}): IntegrationEvent<ComplaintUpheldV1> => {
    const complaintId = randomUUID();
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/complaints',
      type: ComplaintEventTypes.upheld,
      time: new Date().toISOString(),
      subject: complaintId,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        complaintId,
        category: 'construction-safety',
        regionCode: '210302',
        departmentCode: 'AS-ZJJ',
        subjectUscc: randomUscc(),
        projectCode: 'P-CMP-1',
        itemCode: null,
        upheldAt: new Date().toISOString(),
        ...overrides,
      },
    };
  };

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a 风险预警 pushed twice makes one task and answers the second push with it', async () => {
    const body = warning();
    const first = await post('/risk-warnings', body, bridge).expect(201);
    expect(first.body).toMatchObject({ source: 'risk-warning', sourceRef: body.externalId, departmentCode: 'AS-ZJJ', status: 'open' });
    const second = await post('/risk-warnings', body, bridge).expect(200);
    expect(second.body.id).toBe(first.body.id);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM inspection_tasks WHERE source = 'risk-warning' AND source_ref = $1`, [body.externalId]);
    expect(n).toBe(1);
    // another warning under the same id is not the same push
    expect((await post('/risk-warnings', { ...body, content: '另一条预警' }, bridge).expect(409)).body.message).toContain(body.externalId);
    // its feedback deadline is on the ladder: the workflow runs against the receiving department
    const handle = app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(first.body.workflowId);
    const described = await waitFor('the task workflow to start', () => handle.describe().catch(() => undefined));
    expect(described.searchAttributes).toMatchObject({ ObligationKind: ['inspection-feedback'], DepartmentCode: ['AS-ZJJ'] });
  });

  it('the same push arriving twice at once still makes one task', async () => {
    const body = warning();
    const answers = await Promise.all([post('/risk-warnings', body, bridge), post('/risk-warnings', body, bridge)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.id).toBe(answers[1].body.id);
  });

  it('only the national bridge (or the reform office) pushes, with the fields checked', async () => {
    await post('/risk-warnings', warning(), zjj).expect(403);
    expect(JSON.stringify((await post('/risk-warnings', warning({ riskLevel: 'extreme' }), bridge).expect(400)).body)).toContain('riskLevel');
    expect((await post('/risk-warnings', warning({ feedbackDueAt: '2020-01-01T00:00:00+08:00' }), bridge).expect(422)).body.message).toContain('feedbackDueAt');
  });

  it('feedback closes the task and goes out as supervision.feedback-given.v1 with its source', async () => {
    const body = warning({ feedbackDueAt: new Date(Date.now() + 5 * 86400_000).toISOString() });
    const task = (await post('/risk-warnings', body, bridge).expect(201)).body;
    await post(`/inspection-tasks/${task.id}/feedback`, { outcome: '已现场核查' }, hbj).expect(404);
    const closed = await post(`/inspection-tasks/${task.id}/feedback`, { outcome: '已现场核查，责令停用塔吊并整改' }, zjj).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', feedbackOutcome: '已现场核查，责令停用塔吊并整改' });
    await post(`/inspection-tasks/${task.id}/feedback`, { outcome: '再次反馈' }, zjj).expect(409);
    const [event] = await outbox(task.id, SupervisionEventTypes.feedbackGiven);
    expect(event.envelope.data as SupervisionFeedbackGivenV1).toMatchObject({
      taskId: task.id,
      applicationId: '',
      departmentCode: 'AS-ZJJ',
      source: 'risk-warning',
      sourceRef: body.externalId,
      onTime: true,
    });
  });

  it('an upheld violation report opens one targeted inspection; a complaint about the approval service opens none', async () => {
    const event = upheld();
    const consumer = app.get(EventConsumer);
    expect(await consumer.handleOnce(event, app.get(ComplaintUpheldHandler))).toBe('applied');
    expect(await consumer.handleOnce(event, app.get(ComplaintUpheldHandler))).toBe('duplicate');
    // the same complaint in a new envelope (republished) still finds the one task
    expect(await consumer.handleOnce({ ...event, id: randomUUID() }, app.get(ComplaintUpheldHandler))).toBe('applied');
    const tasks = await db.query(`SELECT id, department_code, title FROM inspection_tasks WHERE source = 'complaint' AND source_ref = $1`, [
      event.data.complaintId,
    ]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ department_code: 'AS-ZJJ', title: '投诉举报查实（施工安全）的专项检查' });
    const listed = await get('/inspection-tasks?source=complaint', zjj).expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(tasks[0].id);

    for (const category of ['approval-service', 'other'] as const) {
      const service = upheld({ category });
      expect(await consumer.handleOnce(service, app.get(ComplaintUpheldHandler))).toBe('applied');
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM inspection_tasks WHERE source_ref = $1`, [service.data.complaintId]);
      expect(n).toBe(0);
    }
  });

  it('a substantiated complaint about the approval service counts once in its department’s monthly 通报', async () => {
    // a department of this run's own, so other runs' complaints do not count
    const departmentCode = `T-CC-${Date.now().toString(36)}`;
    const upheldAt = new Date().toISOString();
    const conduct = upheld({ category: 'approval-service', departmentCode, upheldAt });
    const consumer = app.get(EventConsumer);
    expect(await consumer.handleOnce(conduct, app.get(ComplaintUpheldHandler))).toBe('applied');
    expect(await consumer.handleOnce({ ...conduct, id: randomUUID() }, app.get(ComplaintUpheldHandler))).toBe('applied'); // republished: once
    expect(await consumer.handleOnce(upheld({ category: 'approval-service', departmentCode, upheldAt }), app.get(ComplaintUpheldHandler))).toBe('applied');
    const from = new Date(Date.now() - 3600_000);
    const to = new Date(Date.now() + 3600_000);
    const figures = await app.get(OversightFiguresRepository).byDepartment(from, to, to);
    expect(figures.find((d) => d.departmentCode === departmentCode)).toMatchObject({ conductComplaintsUpheld: 2, tasks: { due: 0, onTime: 0, late: 0 } });
    const before = await app.get(OversightFiguresRepository).byDepartment(new Date(Date.now() - 7200_000), from, to);
    expect(before.find((d) => d.departmentCode === departmentCode)).toBeUndefined();
  });

  it('告知其他机关: a violation found by one department becomes the competent department’s task, once', async () => {
    const check = await post(
      '/supervision-actions/checks',
      {
        supervisionItemCode: 'JG-JZSG-001',
        subjectName: '鞍山市某建筑工程有限公司',
        subjectUscc: randomUscc(),
        regionCode: '210302',
        form: 'on-site',
        method: 'routine',
        checkedAt: new Date(Date.now() - 3600_000).toISOString(),
        inspectors: [{ name: '王强', certificateNumber: '21030219001' }],
        result: 'violation-found',
        findings: '施工现场夜间违规排放污水',
      },
      zjj,
    ).expect(201);
    const referral = { competentDepartmentCode: 'AS-HBJ', matter: '夜间违规排放污水，属生态环境部门职责' };
    const first = await post(`/supervision-actions/${check.body.id}/referrals`, referral, zjj).expect(201);
    expect(first.body).toMatchObject({ source: 'referral', departmentCode: 'AS-HBJ', requestedBy: 'AS-ZJJ', referringActionId: check.body.id, status: 'open' });
    expect((await post(`/supervision-actions/${check.body.id}/referrals`, referral, zjj).expect(200)).body.id).toBe(first.body.id);
    await post(`/supervision-actions/${check.body.id}/referrals`, { ...referral, competentDepartmentCode: 'AS-ZJJ' }, zjj).expect(400);
    // the competent department acts; the referring one follows
    await get(`/inspection-tasks/${first.body.id}`, hbj).expect(200);
    await get(`/inspection-tasks/${first.body.id}`, zjj).expect(200);
    await post(`/inspection-tasks/${first.body.id}/feedback`, { outcome: '已立案调查' }, zjj).expect(404);
    await post(`/inspection-tasks/${first.body.id}/feedback`, { outcome: '已立案调查' }, hbj).expect(200);
  });

  it('the deadline passing marks the task overdue once (the workflow’s activity); late feedback is still taken', async () => {
    const task = (await post('/risk-warnings', warning(), bridge).expect(201)).body;
    const activities = app.get(SupervisionActivitiesImpl);
    expect(await activities.markSupervisionObligationOverdue({ kind: 'inspection-feedback', id: task.id })).toEqual({ changed: true, met: false });
    expect(await activities.markSupervisionObligationOverdue({ kind: 'inspection-feedback', id: task.id })).toEqual({ changed: false, met: false });
    expect((await get(`/inspection-tasks/${task.id}`, zjj).expect(200)).body.status).toBe('overdue');
    await post(`/inspection-tasks/${task.id}/feedback`, { outcome: '逾期反馈：已核查' }, zjj).expect(200);
    expect(await activities.markSupervisionObligationOverdue({ kind: 'inspection-feedback', id: task.id })).toEqual({ changed: false, met: true });
  });
});
