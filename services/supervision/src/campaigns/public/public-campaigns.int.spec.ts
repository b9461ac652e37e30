import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { CampaignsService } from '../campaigns.service';
import { publicCampaignsRateLimit } from './public-campaigns-rate-limit';

/**
 * 一公开 without a token against the real service and Postgres: a campaign is listed from its
 * announcement with the seed's commitment and never its seed, and its results only once published.
 */
describe('public campaigns', () => {
  let app: INestApplication;
  const region = `27${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const zjj = bearer({ userId: 'zjj-public', departmentCode: 'AS-ZJJ', regionCode: region, roles: [Roles.supervisionOfficer] });
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    await http()
      .post('/subjects/import')
      .set('authorization', zjj)
      .send({ subjects: [0, 1].map((i) => ({ uscc: randomUscc(), name: `公开抽查对象${i}`, regionCode: region, riskLevel: 'low' })) })
      .expect(201);
    for (let i = 0; i < 2; i++)
      await http()
        .post('/inspectors')
        .set('authorization', zjj)
        .send({
          name: `检查员${i}`,
          departmentCode: 'AS-ZJJ',
          regionCode: region,
          certificateNumber: `ZF-${randomUUID().slice(0, 12)}`,
          specialties: ['房屋建筑'],
        })
        .expect(201);
  });
  afterAll(() => app?.close());

  it('lists an announced campaign with its seed commitment and without its seed; its results wait for publication', async () => {
    const announced = (
      await http()
        .post('/campaigns')
        .set('authorization', zjj)
        .send({
          title: '公开列表测试抽查',
          jointDepartmentCodes: [],
          scope: { supervisionItemCodes: ['JG-JZSC-001'], regionCodes: [region] },
          baseRatio: 1,
          riskWeights: { low: 1, medium: 1, high: 1 },
          inspectorsPerCheck: 1,
          resultsWorkingDays: 10,
          publicationWorkingDays: 5,
        })
        .expect(201)
    ).body;
    const listed = (await http().get('/public/campaigns').query({ pageSize: 200 }).expect(200)).body;
    const mine = listed.items.find((c: { id: string }) => c.id === announced.id);
    expect(mine).toMatchObject({ status: 'announced', seedCommitment: announced.seedCommitment, seed: null, departmentCode: 'AS-ZJJ', visitCount: 0 });
    // the public view carries no weights, pools or workflow ids
    expect(Object.keys(mine)).not.toContain('workflowId');
    expect(Object.keys(mine)).not.toContain('gradeWeights');

    await app.get(CampaignsService).draw(announced.id);
    const refused = await http().get(`/public/campaigns/${announced.id}/results`).expect(409);
    expect(refused.body.message).toContain('its results are public once published');
    const drawn = (await http().get('/public/campaigns').query({ pageSize: 200 }).expect(200)).body.items.find((c: { id: string }) => c.id === announced.id);
    expect(drawn).toMatchObject({ status: 'checking', seed: null, visitCount: 2 });
  });

  it('answers 404 for a campaign that does not exist and 400 for a bad page, naming the field', async () => {
    await http().get(`/public/campaigns/${randomUUID()}/results`).expect(404);
    const bad = await http().get('/public/campaigns').query({ pageSize: 500 }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('pageSize');
  });

  it('reads its limit from SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE, refusing a bad one by name', () => {
    expect(publicCampaignsRateLimit({})).toBe(60);
    expect(() => publicCampaignsRateLimit({ SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      'SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 10000, got "0"',
    );
  });
});
