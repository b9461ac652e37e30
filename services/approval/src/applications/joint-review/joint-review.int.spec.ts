import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApprovalEventTypes, Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { acceptApplicationRequest } from '../../../testing/accept-application.fixture';
import { registerProject } from '../../../testing/projects.fixture';
import { seedApprovalItem } from '../../../testing/catalog-items.fixture';

/** 联合审图/联合验收 over HTTP against the real Postgres (and Kafka, for the relay). */
describe('joint review API', () => {
  let app: INestApplication;
  let db: DataSource;
  const run = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const projectCode = `JR-${run}`;
  // an item of this test's own (施工许可 as the fixture has it): other suites may give JS-SGXK-001 a district list of its own
  const itemCode = 'T-JR-SGXK';
  const valid = (participatingDepartmentCodes?: unknown) => ({ ...acceptApplicationRequest(projectCode, { itemCode }), participatingDepartmentCodes });

  // 行政审批局 implements 施工许可 (住建局 supervises); 自然资源局 and 人防办 review the drawings with it
  const officer = bearer({ userId: 'spj-officer', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const zrzyj = bearer({ userId: 'zrzyj-officer', departmentCode: 'AS-ZRZYJ', roles: [Roles.approvalOfficer] });
  const rfb = bearer({ userId: 'rfb-officer', departmentCode: 'AS-RFB', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'zjj-officer', departmentCode: 'AS-ZJJ', roles: [Roles.approvalOfficer, Roles.supervisionOfficer] });
  const outsider = bearer({ userId: 'hb-officer', departmentCode: 'AS-HBJ', roles: [Roles.approvalOfficer, Roles.supervisionOfficer] });
  const auditor = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const post = (url: string, token = officer) => http().post(url).set('authorization', token);
  const get = (url: string, token = officer) => http().get(url).set('authorization', token);
  const opinion = (id: string, token: string, body: Record<string, unknown>) => post(`/applications/${id}/joint-review/opinions`, token).send(body);
  const count = async () => (await db.query('SELECT count(*)::int AS n FROM applications WHERE project_code = $1', [projectCode]))[0].n as number;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    await seedApprovalItem(app, { code: itemCode });
    // the project the applications belong to, in the fixture's region with the fixture's owner
    await registerProject(app, projectCode, { name: '联合审图测试项目', type: '社会投资房屋建筑' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('names the participants at 受理, refusing a bad list with 400 or 422 and writing nothing for it', async () => {
    const before = await count();
    for (const [codes, rule] of [
      [[], 'arrayMinSize'],
      [['AS-RFB', 'AS-RFB'], 'arrayUnique'],
      [['AS RFB'], 'matches'],
      [Array.from({ length: 21 }, (_, i) => `D-${i}`), 'arrayMaxSize'],
      ['AS-RFB', 'isArray'],
    ] as const) {
      const res = await post('/applications').send(valid(codes)).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'participatingDepartmentCodes', rules: expect.objectContaining({ [rule]: expect.any(String) }) }),
      ]);
    }
    const self = await post('/applications')
      .send(valid(['AS-RFB', 'AS-XZSPJ']))
      .expect(422);
    expect(self.body.message).toContain('participatingDepartmentCodes must not name the implementing department AS-XZSPJ');
    expect(await count()).toBe(before);

    const { body: a } = await post('/applications')
      .send(valid(['AS-ZRZYJ', 'AS-RFB']))
      .expect(201);
    expect(a.jointReview).toEqual({
      participants: [
        { departmentCode: 'AS-ZRZYJ', opinion: null, note: null, givenAt: null, usedWorkingDays: 0 },
        { departmentCode: 'AS-RFB', opinion: null, note: null, givenAt: null, usedWorkingDays: 0 },
      ],
      waitingDepartmentCodes: ['AS-ZRZYJ', 'AS-RFB'],
    });
    const [accepted] = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2', [a.id, ApprovalEventTypes.applicationAccepted]);
    expect(accepted.envelope.data.participatingDepartmentCodes).toEqual(['AS-ZRZYJ', 'AS-RFB']);
    // an application without a joint review shows none
    expect((await post('/applications').send(valid()).expect(201)).body.jointReview).toBeNull();
  });

  it('lets participants read the application, and nobody else beyond the implementing and supervising departments', async () => {
    const { body: a } = await post('/applications')
      .send(valid(['AS-ZRZYJ', 'AS-RFB']))
      .expect(201);
    expect((await get(`/applications/${a.id}`, zrzyj).expect(200)).body.id).toBe(a.id);
    expect((await get(`/applications/${a.id}`, rfb).expect(200)).body.jointReview.waitingDepartmentCodes).toEqual(['AS-ZRZYJ', 'AS-RFB']);
    const listed = await get('/applications', rfb).query({ projectCode, pageSize: 100 }).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(a.id);
    // another department learns nothing of it
    await get(`/applications/${a.id}`, outsider).expect(404);
    expect((await get('/applications', outsider).query({ projectCode }).expect(200)).body.total).toBe(0);
    await opinion(a.id, outsider, { opinion: '同意' }).expect(404);
    // a participant reads but does not decide, stop the clock or revoke
    await post(`/applications/${a.id}/decision`, zrzyj).send({ decision: 'approved' }).expect(403);
    await post(`/applications/${a.id}/clock-stops`, rfb).send({ reason: '补正材料' }).expect(403);
  });

  it('takes one opinion from each participant; the decision waits for all of them; every step is audited', async () => {
    const { body: a } = await post('/applications')
      .send(valid(['AS-ZRZYJ', 'AS-RFB']))
      .expect(201);
    // only a participating department answers: not the implementing one, not the supervising one
    await opinion(a.id, officer, { opinion: '同意' }).expect(403);
    await opinion(a.id, supervisor, { opinion: '同意' }).expect(403);
    // input: the vocabulary, a note for a refusal (422 from the model), nothing else
    const bad = await opinion(a.id, zrzyj, { opinion: '随便', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'opinion']);
    const noNote = await opinion(a.id, zrzyj, { opinion: '不同意', note: '  ' }).expect(422);
    expect(noNote.body.message).toBe('note is required when the opinion is 不同意 (the reasons)');

    const first = await opinion(a.id, zrzyj, { opinion: '同意' }).expect(201);
    expect(first.body.jointReview).toMatchObject({
      participants: [{ departmentCode: 'AS-ZRZYJ', opinion: '同意', note: null, givenAt: expect.any(String), usedWorkingDays: 0 }, { opinion: null }],
      waitingDepartmentCodes: ['AS-RFB'],
    });
    const again = await opinion(a.id, zrzyj, { opinion: '不同意', note: '改变主意' }).expect(409);
    expect(again.body.message).toContain('department AS-ZRZYJ gave its opinion (同意)');

    const waiting = await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(409);
    expect(waiting.body.message).toContain('waits for the joint-review opinions of AS-RFB');
    expect((await get(`/applications/${a.id}`).expect(200)).body.status).toBe('accepted');

    const second = await opinion(a.id, rfb, { opinion: '有条件同意', note: '人防地下室按审查意见修改后施工' }).expect(201);
    expect(second.body.jointReview.waitingDepartmentCodes).toEqual([]);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
    await opinion(a.id, rfb, { opinion: '同意' }).expect(409);

    const events = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at', [
      a.id,
      ApprovalEventTypes.jointReviewOpinionGiven,
    ]);
    expect(events.map((e: { envelope: { data: Record<string, unknown> } }) => e.envelope.data)).toEqual([
      expect.objectContaining({ departmentCode: 'AS-ZRZYJ', opinion: '同意', implementingDepartmentCode: 'AS-XZSPJ', waitingDepartmentCodes: ['AS-RFB'] }),
      expect.objectContaining({ departmentCode: 'AS-RFB', opinion: '有条件同意', waitingDepartmentCodes: [] }),
    ]);
    const log = await get('/audit-log', auditor).query({ resourceType: 'application', resourceId: a.id }).expect(200);
    const steps = log.body.items
      .map((e: { action: string; actorUserId: string; after: Record<string, unknown> }) => [e.action, e.actorUserId, e.after.opinion ?? e.after.status])
      .filter(([action]: string[]) => ['application.accepted', 'application.joint-review-opinion-given', 'application.decided'].includes(action));
    expect(steps).toEqual([
      ['application.accepted', 'spj-officer', 'accepted'],
      ['application.joint-review-opinion-given', 'zrzyj-officer', '同意'],
      ['application.joint-review-opinion-given', 'rfb-officer', '有条件同意'],
      ['application.decided', 'spj-officer', 'approved'],
    ]);

    // each participant's answer counts in its own row of the timing report
    const accepted = new Date(new Date(a.acceptedAt).getTime() + 8 * 3600_000);
    const query = { year: accepted.getUTCFullYear(), month: accepted.getUTCMonth() + 1 };
    const report = (await get('/applications/timing-report', rfb).query(query).expect(200)).body;
    expect(report.departments.find((d: { departmentCode: string }) => d.departmentCode === 'AS-RFB')).toMatchObject({
      jointReviewOpinions: expect.any(Number),
      maxJointReviewUsedWorkingDays: expect.any(Number),
    });
    expect(report.departments.find((d: { departmentCode: string }) => d.departmentCode === 'AS-RFB').jointReviewOpinions).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for an unknown application and 400 for a malformed id', async () => {
    await opinion('00000000-0000-4000-8000-000000000000', zrzyj, { opinion: '同意' }).expect(404);
    await opinion('not-a-uuid', zrzyj, { opinion: '同意' }).expect(400);
  });

  it('declares the operation with every status it answers', async () => {
    const doc = (await http().get('/docs/openapi.json').expect(200)).body;
    const operation = doc.paths['/applications/{id}/joint-review/opinions'].post;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '404', '409', '422']));
    const accept = doc.components.schemas.AcceptApplicationDto.properties.participatingDepartmentCodes;
    expect(accept).toMatchObject({ type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: { type: 'string', pattern: expect.any(String) } });
  });
});
