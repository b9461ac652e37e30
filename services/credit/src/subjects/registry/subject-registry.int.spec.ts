import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { IntegrationEvent, Roles, SupervisionEventTypes, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { chinaDateOf } from '@cityworks/calendar';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { PenaltyDecidedHandler } from '../../credit-records/from-events/penalty-decided.handler';

describe('subjects and practitioners (市场主体、从业人员)', () => {
  let app: INestApplication;
  const CREDIT_OFFICER = bearer({ userId: 'xyb-2', departmentCode: 'AS-XYB', roles: [Roles.creditOfficer] });
  const INSPECTOR = bearer({ userId: 'zjj-8', departmentCode: 'AS-ZJJ', roles: [Roles.inspector] });
  const AUDITOR = bearer({ userId: 'auditor-2', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = (token = CREDIT_OFFICER) => {
    const agent = request(app.getHttpServer());
    return {
      get: (url: string) => agent.get(url).set('authorization', token),
      put: (url: string) => agent.put(url).set('authorization', token),
    };
  };

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
  });
  afterAll(() => app?.close());

  it('records a subject, corrects it, finds it by name or code, and audits each change', async () => {
    const uscc = randomUscc();
    const name = `鞍山市测试${randomUUID().slice(0, 8)}建筑有限公司`;
    const put = await http().put(`/subjects/${uscc}`).send({ name, legalRepresentative: '王某', regionCode: '210302' }).expect(200);
    expect(put.body).toMatchObject({ uscc, name, legalRepresentative: '王某', regionCode: '210302', infoSource: 'api' });
    await http()
      .put(`/subjects/${uscc}`)
      .send({ name: `${name}（更名）` })
      .expect(200);
    // left out: still known
    expect((await http(INSPECTOR).get(`/subjects/${uscc}`).expect(200)).body).toMatchObject({
      name: `${name}（更名）`,
      legalRepresentative: '王某',
      regionCode: '210302',
    });
    expect(
      (
        await http(INSPECTOR)
          .get('/subjects')
          .query({ q: name.slice(5, 12) })
          .expect(200)
      ).body.items.map((s: { uscc: string }) => s.uscc),
    ).toContain(uscc);
    expect(
      (
        await http(INSPECTOR)
          .get('/subjects')
          .query({ q: uscc.slice(0, 12) })
          .expect(200)
      ).body.items.map((s: { uscc: string }) => s.uscc),
    ).toContain(uscc);
    const audit = await http(AUDITOR).get('/audit-log').query({ resourceType: 'subject', resourceId: uscc }).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['subject.registered', 'subject.updated']);
    expect(JSON.stringify(audit.body.items)).not.toContain('王某');
  });

  it('answers 400 naming the field, 404 for an unknown subject, 403 to a reader writing', async () => {
    expect(
      (await http().put(`/subjects/${randomUscc()}`).send({ name: '', regionCode: '2103' }).expect(400)).body.errors
        .map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['name', 'regionCode']);
    await http().put('/subjects/91350100M000100Y44').send({ name: 'x' }).expect(400);
    await http().get(`/subjects/${randomUscc()}`).expect(404);
    await http(INSPECTOR).put(`/subjects/${randomUscc()}`).send({ name: 'x' }).expect(403);
  });

  it('links a practitioner to a registered employer only', async () => {
    const employer = randomUscc();
    const certificate = `辽2211${Math.floor(Math.random() * 1e8)}`;
    const refused = await http()
      .put(`/practitioners/${encodeURIComponent(certificate)}`)
      .send({ name: '李某', qualification: '一级注册建造师', employerUscc: employer })
      .expect(422);
    expect(refused.body.errors[0].field).toBe('employerUscc');
    await http().put(`/subjects/${employer}`).send({ name: '鞍山市某建筑工程有限公司' }).expect(200);
    const put = await http()
      .put(`/practitioners/${encodeURIComponent(certificate)}`)
      .send({ name: '李某', qualification: '一级注册建造师', employerUscc: employer })
      .expect(200);
    expect(put.body).toEqual({
      certificateNumber: certificate,
      name: '李某',
      qualification: '一级注册建造师',
      employerUscc: employer,
      employerName: '鞍山市某建筑工程有限公司',
    });
    expect((await http(INSPECTOR).get(`/subjects/${employer}/practitioners`).expect(200)).body).toEqual([put.body]);
    expect(
      (
        await http(INSPECTOR)
          .get(`/practitioners/${encodeURIComponent(certificate)}`)
          .expect(200)
      ).body,
    ).toEqual(put.body);
    await http().get('/practitioners/-bad').expect(400);
    await http().get('/practitioners/ZZ-00000000').expect(404);
  });

  it('learns a subject from a penalty decision, newer facts winning', async () => {
    const uscc = randomUscc();
    const consumer = app.get(EventConsumer);
    const penalty = (name: string, decidedAt: string): IntegrationEvent<SupervisionPenaltyDecidedV1> => ({
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/supervision',
      type: SupervisionEventTypes.penaltyDecided,
      time: decidedAt,
      subject: uscc,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        actionId: randomUUID(),
        documentNumber: `鞍住建罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
        subjectUscc: uscc,
        subjectName: name,
        legalRepresentative: '赵某',
        supervisionItemCode: 'JG-ZJ-001',
        departmentCode: 'AS-ZJJ',
        violationType: '违法分包',
        facts: '将工程违法分包',
        legalBasis: '《建设工程质量管理条例》第六十二条',
        category: '罚款',
        content: '处罚款',
        fineAmount: '50000.00',
        decisionDate: chinaDateOf(new Date(decidedAt)),
        severity: 'minor',
        decidedAt,
      },
    });
    const now = Date.now();
    await consumer.handleOnce(penalty('新名称有限公司', new Date(now).toISOString()), app.get(PenaltyDecidedHandler));
    await consumer.handleOnce(penalty('旧名称有限公司', new Date(now - 86400_000).toISOString()), app.get(PenaltyDecidedHandler));
    expect((await http().get(`/subjects/${uscc}`).expect(200)).body).toMatchObject({
      name: '新名称有限公司',
      legalRepresentative: '赵某',
      infoSource: 'event',
      kind: 'enterprise',
    });
  });
});
