import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';

/** 执法人员库 and 专家库 against the real Postgres. */
describe('inspector and expert pools', () => {
  let app: INestApplication;
  const zjj = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const http = () => request(app.getHttpServer());
  const cert = () => `ZF-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
  });
  afterAll(() => app?.close());

  it('registers an inspector of one’s own department with 回避 facts, refuses a repeated 执法证号 and another department', async () => {
    const number = cert();
    const employer = randomUscc();
    const body = { name: '张三', departmentCode: 'AS-ZJJ', regionCode: '210302', certificateNumber: number, specialties: ['房屋建筑'], employerUscc: employer };
    const res = await http().post('/inspectors').set('authorization', zjj).send(body).expect(201);
    expect(res.body).toMatchObject({ kind: 'inspector', certificateNumber: number, employerUscc: employer, relatives: [] });
    await http().post('/inspectors').set('authorization', zjj).send(body).expect(409);
    await http()
      .post('/inspectors')
      .set('authorization', zjj)
      .send({ ...body, certificateNumber: cert(), departmentCode: 'AS-SCJG' })
      .expect(403);
    await http()
      .post('/inspectors')
      .set('authorization', zjj)
      .send({ ...body, certificateNumber: cert(), departmentCode: undefined })
      .expect(422);
    const relative = randomUscc();
    const withRelative = await http()
      .post(`/inspectors/${res.body.id}/relatives`)
      .set('authorization', zjj)
      .send({ uscc: relative, relation: '配偶' })
      .expect(201);
    expect(withRelative.body.relatives).toEqual([{ uscc: relative, relation: '配偶' }]);
    const list = await http()
      .get('/inspectors')
      .query({ departmentCode: 'AS-ZJJ', specialty: '房屋建筑', pageSize: 200 })
      .set('authorization', zjj)
      .expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  it('registers experts without a department and lists them apart from inspectors', async () => {
    const res = await http()
      .post('/experts')
      .set('authorization', zjj)
      .send({ name: '李四', regionCode: '210300', certificateNumber: cert(), specialties: ['消防'], relatives: [{ uscc: randomUscc(), relation: '直系血亲' }] })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'expert', departmentCode: null });
    const experts = await http().get('/experts').query({ specialty: '消防', pageSize: 200 }).set('authorization', zjj).expect(200);
    expect(experts.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
    const inspectors = await http().get('/inspectors').query({ pageSize: 200, specialty: '消防' }).set('authorization', zjj).expect(200);
    expect(inspectors.body.items.map((m: { id: string }) => m.id)).not.toContain(res.body.id);
    await http().post('/experts').set('authorization', zjj).send({ name: ' ', regionCode: '2103', certificateNumber: 'x', specialties: 'a' }).expect(400);
  });
});
