import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@cityworks/calendar';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { Roles } from '@cityworks/contracts';
import { RecordReads } from '@cityworks/platform';
import { bearer, isolateKafkaConsumers, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { ApplicationRecord } from '../../applications/persistence/application.record';
import { ProjectRecord } from '../persistence/project.record';
import { acceptApplicationRequest } from '../../../testing/accept-application.fixture';
import { seedApprovalItem } from '../../../testing/catalog-items.fixture';

/** GET /projects/{code}/timing against the real Postgres, over applications accepted and decided through the API. */
describe('project timing API', () => {
  let app: INestApplication;
  let db: DataSource;
  const run = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  let n = 0;
  const newCode = () => `PT-${run}-${++n}`;

  const officer = bearer({ userId: 'td-officer', departmentCode: 'AS-XZSPJ', regionCode: '210302', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'td-zjj', departmentCode: 'AS-ZJJ', regionCode: '210302', roles: [Roles.supervisionOfficer] });
  const otherRegion = bearer({ userId: 'tx-officer', departmentCode: 'AS-TX-XZSPJ', regionCode: '210303', roles: [Roles.approvalOfficer] });
  const auditor = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const post = (url: string, token = officer) => http().post(url).set('authorization', token);
  const get = (url: string, token = officer) => http().get(url).set('authorization', token);
  const days = (from: string, to: string) => app.get(ServiceCalendar).current.workingDaysBetween(from, to).days;

  async function register(): Promise<string> {
    const code = newCode();
    await http()
      .post('/projects')
      .set('authorization', reformOffice())
      .send({ code, name: '铁东区全流程计时测试项目', type: '社会投资房屋建筑', regionCode: '210302', ownerUscc: '91350100M000100Y43' })
      .expect(201);
    return code;
  }

  async function accept(projectCode: string, itemCode: string): Promise<string> {
    return (
      await post('/applications')
        .send(acceptApplicationRequest(projectCode, { itemCode, regionCode: '210302' }))
        .expect(201)
    ).body.id;
  }

  async function decide(id: string): Promise<string> {
    return (await post(`/applications/${id}/decision`).send({ decision: 'approved' }).expect(200)).body.decidedAt;
  }

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    // items of this test's own, one per stage it uses, implemented by 行政审批局
    await seedApprovalItem(app, { code: 'T-PT-LX', stage: '立项用地规划许可' });
    await seedApprovalItem(app, { code: 'T-PT-SG', stage: '施工许可' });
    await seedApprovalItem(app, { code: 'T-PT-JG', stage: '竣工验收' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers each stage and the whole process, open up to today until 竣工验收 is decided', async () => {
    const code = await register();
    const planning = await accept(code, 'T-PT-LX');
    await decide(planning);
    // the API stamps the present; a stage that took days in March 2026 is made by moving its instants back
    await db.query('UPDATE applications SET accepted_at = $2, decided_at = $3 WHERE id = $1', [planning, '2026-03-02T02:00:00Z', '2026-03-11T02:00:00Z']);
    const permit = await accept(code, 'T-PT-SG');
    const permitDecidedAt = await decide(permit);
    await accept(code, 'T-PT-SG'); // still open
    const today = chinaDateOf(new Date());

    const open = (await get(`/projects/${code}/timing`).expect(200)).body;
    expect(open.projectCode).toBe(code);
    expect(open.stages.map((s: { stage: string }) => s.stage)).toEqual(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', '市政公用报装']);
    expect(open.stages[0]).toEqual({
      stage: '立项用地规划许可',
      applications: 1,
      decided: 1,
      completed: true,
      firstAcceptedAt: '2026-03-02T02:00:00.000Z',
      lastDecidedAt: '2026-03-11T02:00:00.000Z',
      elapsedWorkingDays: days('2026-03-02', '2026-03-11'), // 7 on the library's calendar
      usedWorkingDaysSum: days('2026-03-02', '2026-03-11'),
      usedWorkingDaysMax: days('2026-03-02', '2026-03-11'),
      provisional: false,
    });
    expect(open.stages[1]).toMatchObject({
      applications: 0,
      decided: 0,
      completed: false,
      firstAcceptedAt: null,
      elapsedWorkingDays: null,
      usedWorkingDaysMax: null,
    });
    // accepted today, one still open: its time so far (none, unless the test runs across China's midnight)
    const permitStage = open.stages[2];
    expect(permitStage).toMatchObject({ applications: 2, decided: 1, completed: false, lastDecidedAt: permitDecidedAt });
    expect(permitStage.elapsedWorkingDays).toBe(days(chinaDateOf(new Date(permitStage.firstAcceptedAt)), today));
    expect(open.unstagedApplications).toBe(0);
    expect(open.wholeProcess).toMatchObject({ firstAcceptedAt: '2026-03-02T02:00:00.000Z', completedAt: null, elapsedWorkingDays: days('2026-03-02', today) });

    const acceptance = await accept(code, 'T-PT-JG');
    const completedAt = await decide(acceptance);
    const done = (await get(`/projects/${code}/timing`).expect(200)).body;
    const finalStage = done.stages[3];
    expect(finalStage).toMatchObject({ stage: '竣工验收', applications: 1, decided: 1, completed: true, lastDecidedAt: completedAt });
    expect(finalStage.elapsedWorkingDays).toBe(days(chinaDateOf(new Date(finalStage.firstAcceptedAt)), chinaDateOf(new Date(completedAt))));
    expect(done.wholeProcess).toMatchObject({ completedAt, elapsedWorkingDays: days('2026-03-02', chinaDateOf(new Date(completedAt))) });
  });

  it('answers a project without applications with empty stages', async () => {
    const code = await register();
    const timing = (await get(`/projects/${code}/timing`).expect(200)).body;
    expect(timing.stages.every((s: { applications: number; elapsedWorkingDays: number | null }) => s.applications === 0 && s.elapsedWorkingDays === null)).toBe(
      true,
    );
    expect(timing.wholeProcess).toEqual({ firstAcceptedAt: null, completedAt: null, elapsedWorkingDays: null, provisional: false });
  });

  it('reads as GET /projects/{code} does: the region’s officers, auditors and the 工改办; another region gets 404', async () => {
    const code = await register();
    await get(`/projects/${code}/timing`, supervisor).expect(200);
    await get(`/projects/${code}/timing`, auditor).expect(200);
    await get(`/projects/${code}/timing`, reformOffice()).expect(200);
    await get(`/projects/${code}/timing`, otherRegion).expect(404);
    await get(`/projects/PT-${run}-none/timing`).expect(404);
    const bad = await get('/projects/%20bad/timing').expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'code' });
    await get(`/projects/${code}/timing`, bearer({ userId: 'x', departmentCode: 'AS-XZSPJ', regionCode: '210302', roles: [Roles.creditOfficer] })).expect(403);
  });

  it('declares the operation and its view in the OpenAPI document', async () => {
    const doc = (await http().get('/docs/openapi.json').expect(200)).body;
    const operation = doc.paths['/projects/{code}/timing'].get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(Object.keys(doc.components.schemas.StageTimingView.properties)).toEqual(
      expect.arrayContaining([
        'stage',
        'applications',
        'decided',
        'firstAcceptedAt',
        'lastDecidedAt',
        'elapsedWorkingDays',
        'usedWorkingDaysSum',
        'usedWorkingDaysMax',
      ]),
    );
  });

  it('reads its project and applications by SQL made once, record for record what TypeORM’s find gives', async () => {
    const code = await register();
    const decided = await accept(code, 'T-PT-LX');
    await decide(decided);
    await accept(code, 'T-PT-SG');
    const applications = new RecordReads(db, ApplicationRecord);
    const read = await applications.where('project_code = $1 ORDER BY accepted_at ASC, id ASC', [code]);
    const found = await db.getRepository(ApplicationRecord).find({ where: { projectCode: code }, order: { acceptedAt: 'ASC', id: 'ASC' } });
    expect(read).toHaveLength(2);
    expect(read).toEqual(found);
    expect(read[0]).toBeInstanceOf(ApplicationRecord);
    expect(read[0].acceptedAt).toBeInstanceOf(Date);
    expect(read[0].decidedAt).toBeInstanceOf(Date);
    expect(read[1].decidedAt).toBeNull();
    expect(read[0].terms).toEqual(found[0].terms);
    const project = await new RecordReads(db, ProjectRecord).one('code = $1', [code]);
    expect(project).toEqual(await db.getRepository(ProjectRecord).findOne({ where: { code } }));
    expect(await new RecordReads(db, ProjectRecord).one('code = $1', [`${code}-none`])).toBeNull();
  });
});
