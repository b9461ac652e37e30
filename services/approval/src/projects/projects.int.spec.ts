import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApprovalEventTypes, Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';

/** The projects API against the real Postgres (and Kafka, for the relay). */
describe('projects API', () => {
  let app: INestApplication;
  let db: DataSource;
  const run = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  let n = 0;
  const code = () => `P-${run}-${++n}`;
  const valid = (overrides: Record<string, unknown> = {}) => ({
    code: code(),
    name: '铁东区第一中学教学楼新建工程',
    type: '政府投资房屋建筑',
    regionCode: '210302',
    ownerUscc: randomUscc(),
    facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true },
    ...overrides,
  });

  const officer = bearer({ userId: 'td-officer', departmentCode: 'AS-XZSPJ', regionCode: '210302', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'td-zjj', departmentCode: 'AS-ZJJ', regionCode: '210302', roles: [Roles.supervisionOfficer] });
  const otherRegion = bearer({ userId: 'tx-officer', departmentCode: 'AS-TX-XZSPJ', regionCode: '210303', roles: [Roles.approvalOfficer] });
  const auditor = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const post = (url: string, token = officer) => http().post(url).set('authorization', token);
  const put = (url: string, token = officer) => http().put(url).set('authorization', token);
  const get = (url: string, token = officer) => http().get(url).set('authorization', token);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('registers a project, writes its audit entry and its event in the same transaction, and answers it by code', async () => {
    const body = valid();
    const res = await post('/projects').send(body).expect(201);
    expect(res.body).toMatchObject({
      code: body.code,
      name: body.name,
      type: '政府投资房屋建筑',
      regionCode: '210302',
      ownerUscc: body.ownerUscc,
      facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true },
      status: 'registered',
      stage: null,
      factsChangedAt: null,
    });
    const [event] = await db.query('SELECT type, envelope FROM outbox_events WHERE subject = $1', [res.body.id]);
    expect(event.type).toBe(ApprovalEventTypes.projectRegistered);
    expect(event.envelope.data).toEqual({
      projectId: res.body.id,
      projectCode: body.code,
      projectType: '政府投资房屋建筑',
      regionCode: '210302',
      ownerUscc: body.ownerUscc,
      facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true },
      registeredAt: res.body.registeredAt,
    });
    const log = await get('/audit-log', auditor).query({ resourceType: 'project', resourceId: res.body.id }).expect(200);
    expect(log.body.items.map((e: any) => [e.action, e.actorUserId, e.after.code])).toEqual([['project.registered', 'td-officer', body.code]]);

    const got = await get(`/projects/${body.code}`).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it('refuses a second project with the same code (409) and writes nothing for it', async () => {
    const body = valid();
    await post('/projects').send(body).expect(201);
    const again = await post('/projects')
      .send({ ...body, name: '另一个项目', ownerUscc: randomUscc() })
      .expect(409);
    expect(again.body.message).toBe(`project ${body.code} is already registered`);
    const [{ rows }] = await db.query('SELECT count(*)::int AS rows FROM projects WHERE code = $1', [body.code]);
    expect(rows).toBe(1);
    const [{ events }] = await db.query(`SELECT count(*)::int AS events FROM outbox_events WHERE type = $1 AND envelope->'data'->>'projectCode' = $2`, [
      ApprovalEventTypes.projectRegistered,
      body.code,
    ]);
    expect(events).toBe(1);
  });

  it('refuses a 统一社会信用代码 with a wrong check character: 400 naming the field and the rule, nothing written', async () => {
    const body = valid({ ownerUscc: '91350100M000100Y44' });
    const res = await post('/projects').send(body).expect(400);
    expect(res.body.errors).toEqual([{ field: 'ownerUscc', rules: { isUscc: expect.stringContaining('统一社会信用代码') } }]);
    const [{ rows }] = await db.query('SELECT count(*)::int AS rows FROM projects WHERE code = $1', [body.code]);
    expect(rows).toBe(0);
  });

  it('refuses other bad input with 400 naming each field and rule', async () => {
    const body = valid({
      code: '-bad',
      name: '   ',
      type: '工业项目',
      regionCode: '21030',
      facts: { floorAreaSqm: -1, environmentalImpact: '报告', storeys: 30 },
      extra: 1,
    });
    const res = await post('/projects').send(body).expect(400);
    const refused = Object.fromEntries(res.body.errors.map((e: { field: string; rules: Record<string, string> }) => [e.field, Object.keys(e.rules)]));
    expect(refused).toEqual({
      code: ['matches'],
      name: ['matches'],
      type: ['isIn'],
      regionCode: ['matches'],
      'facts.floorAreaSqm': ['min'],
      'facts.environmentalImpact': ['isIn'],
      'facts.storeys': ['whitelistValidation'],
      extra: ['whitelistValidation'],
    });
  });

  it('replaces the facts, records the change and announces it; the same facts again change nothing', async () => {
    const body = valid();
    const { body: project } = await post('/projects').send(body).expect(201);
    const facts = { investmentWanYuan: 15000, floorAreaSqm: 36000, needsPower: true, environmentalImpact: '报告表', newLand: null };
    const res = await put(`/projects/${body.code}/facts`).send(facts).expect(200);
    expect(res.body.facts).toEqual({ investmentWanYuan: 15000, floorAreaSqm: 36000, environmentalImpact: '报告表', needsPower: true });
    expect(res.body.factsChangedAt).toEqual(expect.any(String));

    const events = await db.query('SELECT type, envelope FROM outbox_events WHERE subject = $1 ORDER BY created_at', [project.id]);
    expect(events.map((e: any) => e.type)).toEqual([ApprovalEventTypes.projectRegistered, ApprovalEventTypes.projectFactsChanged]);
    expect(events[1].envelope.data).toEqual({
      projectId: project.id,
      projectCode: body.code,
      facts: { investmentWanYuan: 15000, floorAreaSqm: 36000, environmentalImpact: '报告表', needsPower: true },
      changedFacts: ['investmentWanYuan', 'newLand', 'environmentalImpact', 'needsPower'],
      changedAt: res.body.factsChangedAt,
    });

    // the same facts again: nothing to record
    await put(`/projects/${body.code}/facts`).send(facts).expect(200);
    const log = await get('/audit-log', auditor).query({ resourceType: 'project', resourceId: project.id }).expect(200);
    expect(log.body.items.map((e: any) => [e.action, e.before?.facts ?? null, e.after.facts])).toEqual([
      ['project.registered', null, { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true }],
      [
        'project.facts-changed',
        { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true },
        { investmentWanYuan: 15000, floorAreaSqm: 36000, environmentalImpact: '报告表', needsPower: true },
      ],
    ]);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM outbox_events WHERE subject = $1', [project.id]);
    expect(count).toBe(2);

    const bad = await put(`/projects/${body.code}/facts`).send({ floorAreaSqm: 'big' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['floorAreaSqm']);
    await put(`/projects/P-${run}-unknown/facts`).send(facts).expect(404);
    await put('/projects/-bad/facts').send(facts).expect(400);
  });

  it('lists by type, region and owner, paged', async () => {
    const owner = randomUscc();
    await post('/projects')
      .send(valid({ ownerUscc: owner }))
      .expect(201);
    await post('/projects')
      .send(valid({ ownerUscc: owner, type: '社会投资简易低风险' }))
      .expect(201);
    await post('/projects', reformOffice())
      .send(valid({ ownerUscc: owner, regionCode: '210303' }))
      .expect(201);

    const all = await get('/projects', reformOffice()).query({ ownerUscc: owner }).expect(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const byType = await get('/projects', reformOffice()).query({ ownerUscc: owner, type: '社会投资简易低风险' }).expect(200);
    expect(byType.body.items.map((p: any) => p.type)).toEqual(['社会投资简易低风险']);
    const byRegion = await get('/projects', reformOffice()).query({ ownerUscc: owner, regionCode: '210303' }).expect(200);
    expect(byRegion.body.items.map((p: any) => p.regionCode)).toEqual(['210303']);
    const paged = await get('/projects', reformOffice()).query({ ownerUscc: owner, pageSize: 2, page: 2 }).expect(200);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);

    // an officer sees their own region's projects only
    const own = await get('/projects', supervisor).query({ ownerUscc: owner }).expect(200);
    expect(own.body.items.map((p: any) => p.regionCode)).toEqual(['210302', '210302']);
    const asked = await get('/projects', supervisor).query({ ownerUscc: owner, regionCode: '210303' }).expect(200);
    expect(asked.body.total).toBe(0);

    await get('/projects').query({ ownerUscc: '91350100M000100Y44' }).expect(400);
    await get('/projects').query({ type: '工业项目' }).expect(400);
    await get('/projects').query({ pageSize: 1000 }).expect(400);
  });

  describe('who may act', () => {
    it('keeps a project to its region: another region’s officer can neither register in it, see it nor change it', async () => {
      const body = valid();
      await post('/projects', otherRegion).send(body).expect(403);
      await post('/projects').send(body).expect(201);
      await get(`/projects/${body.code}`, otherRegion).expect(404);
      await put(`/projects/${body.code}/facts`, otherRegion).send({ floorAreaSqm: 1 }).expect(404);
      const list = await get('/projects', otherRegion).query({ ownerUscc: body.ownerUscc }).expect(200);
      expect(list.body.total).toBe(0);
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM audit_log WHERE resource_type = 'project' AND actor_user_id = 'tx-officer'`);
      expect(count).toBe(0);
    });

    it('lets a supervision officer of the region read but not change; auditors read; the 工改办 acts in every region', async () => {
      const body = valid();
      await post('/projects', supervisor).send(body).expect(403);
      await post('/projects').send(body).expect(201);
      await get(`/projects/${body.code}`, supervisor).expect(200);
      await put(`/projects/${body.code}/facts`, supervisor).send({ floorAreaSqm: 1 }).expect(403);
      await get(`/projects/${body.code}`, auditor).expect(200);
      await put(`/projects/${body.code}/facts`, auditor).send({ floorAreaSqm: 1 }).expect(403);
      const changed = await put(`/projects/${body.code}/facts`, reformOffice()).send({ floorAreaSqm: 1 }).expect(200);
      expect(changed.body.facts).toEqual({ floorAreaSqm: 1 });
    });

    it('refuses a request without a token (401)', async () => {
      await http().get('/projects').expect(401);
      await http().post('/projects').send(valid()).expect(401);
    });
  });

  it('publishes the project in the OpenAPI document with its rules', async () => {
    const doc = await http().get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/projects', '/projects/{code}', '/projects/{code}/facts']));
    const schema = doc.body.components.schemas.RegisterProjectDto;
    expect(schema.properties.ownerUscc).toMatchObject({ format: 'uscc' });
    expect(schema.properties.type.enum).toEqual(['政府投资房屋建筑', '社会投资房屋建筑', '社会投资简易低风险', '城市基础设施线性工程']);
    expect(doc.body.components.schemas.ProjectFactsDto.additionalProperties).toBe(false);
    expect(doc.body.paths['/projects'].post.responses['409']).toBeDefined();
  });
});
