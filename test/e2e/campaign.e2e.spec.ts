import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createHash, randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Roles } from '@cityworks/contracts';
import { bearer, randomUscc, waitFor } from '@cityworks/testing';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * A 双随机、一公开 campaign across the real pieces: announced over HTTP, its `campaign-<id>`
 * workflow started through supervision's workflow outbox and drawing on the workflow worker through
 * supervision's activity; each drawn visit's 行政检查 recorded over HTTP, its
 * `supervision.check-recorded.v1` carried by the outbox relay and Kafka back to the campaign; the
 * campaign published with its seed, the workflow finishing, and anyone re-running the draw.
 * Postgres and Kafka are the real servers; Temporal is the time-skipping test server.
 */
describe('双随机 campaign from announcement to publication (end to end)', () => {
  let system: RunningServices;
  let env: TestWorkflowEnvironment;
  let supervision: INestApplication;
  // a region of this run's own, so no other run's subjects or inspectors enter the draw
  const region = `28${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const zjj = bearer({ userId: 'zjj-e2e', departmentCode: 'AS-ZJJ', regionCode: region, roles: [Roles.supervisionOfficer] });
  const http = () => request(supervision.getHttpServer());
  const subjects = Array.from({ length: 4 }, () => randomUscc());

  beforeAll(async () => {
    system = await startRunningServices();
    ({ env, supervision } = system);
    await http()
      .post('/subjects/import')
      .set('authorization', zjj)
      .send({ subjects: subjects.map((uscc, i) => ({ uscc, name: `端到端抽查对象${i}`, regionCode: region, riskLevel: 'medium' })) })
      .expect(201);
    for (let i = 0; i < 3; i++)
      await http()
        .post('/inspectors')
        .set('authorization', zjj)
        .send({
          name: `检查员${i}`,
          departmentCode: 'AS-ZJJ',
          regionCode: region,
          certificateNumber: `ZF-E2E-${randomUUID().slice(0, 8)}`,
          specialties: ['房屋建筑'],
        })
        .expect(201);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('draws on the worker, collects each check over Kafka, publishes the seed that matches its commitment, and the draw re-runs the same', async () => {
    const announced = (
      await http()
        .post('/campaigns')
        .set('authorization', zjj)
        .send({
          title: '端到端建筑市场双随机抽查',
          jointDepartmentCodes: [],
          scope: { supervisionItemCodes: ['JG-E2E-001'], regionCodes: [region] },
          baseRatio: 1, // every subject drawn, so the test knows the visits
          riskWeights: { low: 1, medium: 1, high: 1 },
          inspectorsPerCheck: 2,
          resultsWorkingDays: 10,
          publicationWorkingDays: 5,
        })
        .expect(201)
    ).body;
    const id: string = announced.id;

    // the workflow draws through supervision's activity
    const drawn = await waitFor('the campaign drawn by its workflow', async () => {
      const c = (await http().get(`/campaigns/${id}`).set('authorization', zjj).expect(200)).body;
      return c.status === 'checking' ? c : undefined;
    });
    expect(drawn).toMatchObject({ checkCount: subjects.length, checksRecorded: 0 });
    const visits = (await http().get(`/campaigns/${id}/visits`).query({ pageSize: 50 }).set('authorization', zjj).expect(200)).body.items;
    expect(visits.map((v: { uscc: string }) => v.uscc).sort()).toEqual([...subjects].sort());

    // each check recorded as the 行政检查 it is; its event comes back over Kafka
    for (const visit of visits) {
      await http()
        .post('/supervision-actions/checks')
        .set('authorization', zjj)
        .send({
          supervisionItemCode: 'JG-E2E-001',
          subjectName: '端到端抽查对象',
          subjectUscc: visit.uscc,
          regionCode: region,
          planId: id,
          campaignId: id,
          form: 'on-site',
          method: 'random-sampling',
          checkedAt: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
          inspectors: [{ name: '检查员0', certificateNumber: '21030219001' }],
          result: 'no-problem',
        })
        .expect(201);
    }
    await waitFor('every result in through Kafka', async () => {
      const c = (await http().get(`/campaigns/${id}`).set('authorization', zjj).expect(200)).body;
      return c.status === 'results-in' ? c : undefined;
    });

    const published = (await http().post(`/campaigns/${id}/publish`).set('authorization', zjj).expect(200)).body;
    expect(published.status).toBe('published');
    expect(createHash('sha256').update(published.seed).digest('hex')).toBe(announced.seedCommitment);
    const finished = await env.client.workflow.getHandle(`campaign-${id}`).result();
    expect(finished).toMatchObject({ publishedAt: expect.any(String) });

    // 一公开: the published draw, fetched without a token, re-runs to the same list
    const doc = (await http().get(`/campaigns/${id}/draw`).expect(200)).body;
    const verified = (await http().post('/campaigns/draw/verify').send(doc).expect(200)).body;
    expect(verified).toMatchObject({ campaignId: id, commitmentMatches: true, listMatches: true });
  });
});
