import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { ApprovalEventTypes, CreditEventTypes, IntegrationEvent, Roles } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SubjectCreditGradeHandler, SubjectProjectOwnerHandler } from './events/subject-events.handlers';

const event = <T>(type: string, subject: string, data: T): IntegrationEvent<T> => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/cityworks/test',
  type,
  time: new Date().toISOString(),
  subject,
  datacontenttype: 'application/json',
  correlationid: randomUUID(),
  data,
});

/** 监管对象库 against the real Postgres: imports all or none, grades from credit's events (newest kept), owners from approval's. */
describe('subjects (监管对象库)', () => {
  let app: INestApplication;
  const officer = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
  });
  afterAll(() => app?.close());

  const grade = (uscc: string, gradeAfter: string, version: number) =>
    app.get(EventConsumer).handleOnce(
      event(CreditEventTypes.gradeChanged, uscc, {
        uscc,
        gradeBefore: null,
        gradeAfter,
        jointPunishment: gradeAfter === 'D',
        greenChannel: gradeAfter === 'A',
        version,
        causeRecordId: randomUUID(),
        changedAt: new Date().toISOString(),
      }),
      app.get(SubjectCreditGradeHandler),
    );

  it('imports JSON subjects, and keeps the newest credit grade whatever order the versions arrive in', async () => {
    const [a, b] = [randomUscc(), randomUscc()];
    const res = await http()
      .post('/subjects/import')
      .set('authorization', officer)
      .send({
        subjects: [
          { uscc: a, name: '甲建设有限公司', regionCode: '210302', industry: 'E47', riskLevel: 'high' },
          { uscc: b, name: '乙建设有限公司', regionCode: '210303', riskLevel: 'low' },
        ],
      })
      .expect(201);
    expect(res.body).toEqual({ imported: 2, created: 2, updated: 0 });
    expect(await grade(a, 'C', 2)).toBe('applied');
    expect(await grade(a, 'A', 1)).toBe('applied'); // older: ignored by the model
    const got = await http().get(`/subjects/${a}`).set('authorization', officer).expect(200);
    expect(got.body).toMatchObject({
      uscc: a,
      name: '甲建设有限公司',
      riskLevel: 'high',
      industry: 'E47',
      creditGrade: 'C',
      creditGradeVersion: 2,
      sources: ['import', 'credit'],
    });
    const list = await http()
      .get('/subjects')
      .query({ regionCode: '210303', riskLevel: 'low', grade: 'ungraded', pageSize: 200 })
      .set('authorization', officer)
      .expect(200);
    expect(list.body.items.map((s: { uscc: string }) => s.uscc)).toContain(b);
  });

  it('refuses a file with any bad row whole (422), listing every bad row and field, and writes nothing', async () => {
    const good = randomUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await http()
      .post('/subjects/import')
      .set('authorization', officer)
      .set('content-type', 'text/csv')
      .send(
        ['统一社会信用代码,名称,行政区划,行业,风险等级', `${good},好公司,210302,E47,low`, `${bad},坏代码,21030,E47,extreme`, `${good},重复,210302,,low`].join(
          '\n',
        ),
      )
      .expect(422);
    expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'uscc'],
      [3, 'regionCode'],
      [3, 'riskLevel'],
      [4, 'uscc'],
    ]);
    await http().get(`/subjects/${good}`).set('authorization', officer).expect(404);
  });

  it('refuses JSON that is not plain objects (a key named "constructor") as a bad file, not a 500', async () => {
    const wholeFile = await http()
      .post('/subjects/import')
      .set('authorization', officer)
      .send({ id: { constructor: { status: '-1' }, status: 1.5 }, subjects: [] })
      .expect(422);
    expect(wholeFile.body.errors).toEqual([expect.objectContaining({ row: 0, rules: { isObject: expect.stringContaining('plain objects') } })]);
    const oneRow = await http()
      .post('/subjects/import')
      .set('authorization', officer)
      .send({ subjects: [{ uscc: { constructor: { name: 'x' } }, name: '某公司', regionCode: '210302', riskLevel: 'low' }] })
      .expect(422);
    expect(oneRow.body.errors).toEqual([expect.objectContaining({ row: 1, rules: { isObject: 'each row must hold plain values' } })]);
  });

  it('makes a registered project’s owner a subject, region from the event', async () => {
    const owner = randomUscc();
    await app.get(EventConsumer).handleOnce(
      event(ApprovalEventTypes.projectRegistered, 'P-1', {
        projectId: randomUUID(),
        projectCode: 'P-SUBJ-1',
        projectType: '社会投资房屋建筑',
        regionCode: '210311',
        ownerUscc: owner,
        facts: {},
        registeredAt: new Date().toISOString(),
      }),
      app.get(SubjectProjectOwnerHandler),
    );
    const got = await http().get(`/subjects/${owner}`).set('authorization', officer).expect(200);
    expect(got.body).toMatchObject({ name: null, regionCode: '210311', riskLevel: 'medium', creditGrade: null, sources: ['approval'] });
    await http().get('/subjects/NOT-A-USCC').set('authorization', officer).expect(400);
  });
});
