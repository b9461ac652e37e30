import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, startServiceApp } from '@cityworks/testing';
import { publicStatisticsRateLimit } from './public-statistics-rate-limit';

/** The public 有诉必应 figures against the real service and Postgres: counts per department, no token, nobody named. */
describe('public complaint statistics', () => {
  let app: INestApplication;
  const intake = bearer({ userId: 'bridge', departmentCode: 'AS-12345', roles: [Roles.system] });
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  // 高新区 (210391): no item named, so routing hands it to the zone's 工改办
  const department = 'AS-GX-GGB';

  beforeAll(async () => {
    isolateKafkaConsumers();
    const { AppModule } = await import('../app.module');
    app = await startServiceApp(AppModule);
  });
  afterAll(async () => {
    await app?.close();
  });

  const rowOf = async () => {
    const res = await request(app.getHttpServer()).get('/public/complaint-statistics').query({ year }).expect(200);
    return { body: res.body, row: res.body.departments.find((d: { departmentCode: string }) => d.departmentCode === department) };
  };

  it('counts what a department received and answered in time, without a token and without any complaint’s content', async () => {
    const before = (await rowOf()).row ?? { received: 0, answeredOnTime: 0 };
    const receive = async () =>
      (
        await request(app.getHttpServer())
          .post('/complaints')
          .set('authorization', intake)
          .send({
            channel: 'web',
            category: 'construction-quality',
            regionCode: '210391',
            content: '公开统计测试投诉',
            complainant: { name: '李先生', phone: '13912345678' },
          })
          .expect(201)
      ).body;
    const answered = await receive();
    await receive();
    expect(answered.departmentCode).toBe(department);
    const handler = bearer({ userId: 'gx-handler', departmentCode: department, roles: [Roles.complaintHandler] });
    await request(app.getHttpServer()).post(`/complaints/${answered.id}/acknowledge`).set('authorization', handler).send({}).expect(200);
    await request(app.getHttpServer()).post(`/complaints/${answered.id}/answer`).set('authorization', handler).send({ answer: '已处理' }).expect(200);

    const { body, row } = await rowOf();
    expect(body.period).toBe(String(year));
    expect(row.received - before.received).toBe(2);
    expect(row.answeredOnTime - before.answeredOnTime).toBe(1);
    expect(Object.keys(row).sort()).toEqual(['answeredLate', 'answeredOnTime', 'departmentCode', 'rated', 'received', 'satisfactionRate']);
    expect(JSON.stringify(body)).not.toContain('李先生');
  });

  it('refuses a period it cannot read with 400 naming the field', async () => {
    const missing = await request(app.getHttpServer()).get('/public/complaint-statistics').expect(400);
    expect(JSON.stringify(missing.body)).toContain('year');
    const month = await request(app.getHttpServer()).get('/public/complaint-statistics').query({ year, month: 13 }).expect(400);
    expect(JSON.stringify(month.body)).toContain('month must not be greater than 12');
  });

  it('reads its limit from COMPLAINTS_PUBLIC_RATE_LIMIT_PER_MINUTE, refusing a bad one by name', () => {
    expect(publicStatisticsRateLimit({})).toBe(60);
    expect(() => publicStatisticsRateLimit({ COMPLAINTS_PUBLIC_RATE_LIMIT_PER_MINUTE: 'x' })).toThrow(
      'COMPLAINTS_PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 10000, got "x"',
    );
  });
});
