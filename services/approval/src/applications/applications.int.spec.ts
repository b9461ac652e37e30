import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApprovalEventTypes } from '@cityworks/contracts';
import { isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';

/** The approval API against the real Postgres and Kafka. */
describe('applications API', () => {
  let app: INestApplication;
  let db: DataSource;
  const valid = () => ({
    projectCode: `T-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-XZSPJ',
    supervisingDepartmentCode: 'AS-ZJJ',
    regionCode: '210302',
    ownerUscc: '91350100M000100Y43',
    supervisionFeedbackWorkingDays: 5,
  });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('accepts an application and writes its event to the outbox in the same transaction, then publishes it', async () => {
    const res = await request(app.getHttpServer()).post('/applications').send(valid()).expect(201);
    expect(res.body).toMatchObject({ status: 'accepted', onCommitment: false });
    const [row] = await db.query('SELECT type, envelope FROM outbox_events WHERE subject = $1', [res.body.id]);
    expect(row.type).toBe(ApprovalEventTypes.applicationAccepted);
    expect(row.envelope).toMatchObject({ specversion: '1.0', source: '/cityworks/approval', data: { applicationId: res.body.id } });
    await waitFor('the relay to publish', async () => {
      const [r] = await db.query('SELECT published_at FROM outbox_events WHERE subject = $1', [res.body.id]);
      return r.published_at;
    });
  });

  it('carries the caller’s correlation id into the event', async () => {
    const res = await request(app.getHttpServer()).post('/applications').set('x-correlation-id', 'corr-approval-test-1').send(valid()).expect(201);
    expect(res.headers['x-correlation-id']).toBe('corr-approval-test-1');
    const [row] = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1', [res.body.id]);
    expect(row.envelope.correlationid).toBe('corr-approval-test-1');
  });

  it('refuses bad input with 400 naming each field and rule, and writes nothing', async () => {
    const body = { ...valid(), ownerUscc: '91350100M000100Y44', regionCode: '21', supervisionFeedbackWorkingDays: 'five', extra: 1 };
    const res = await request(app.getHttpServer()).post('/applications').send(body).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'ownerUscc', 'regionCode', 'supervisionFeedbackWorkingDays']);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM applications WHERE project_code = $1', [body.projectCode]);
    expect(n).toBe(0);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    await request(app.getHttpServer()).post('/applications').set('content-type', 'application/json').send('{"projectCode":').expect(400);
    await request(app.getHttpServer()).post('/applications').send({ ...valid(), itemCode: 'x'.repeat(3_000_000) }).expect(413);
  });

  it('decides once: a second decision is a conflict; rejection needs a reason', async () => {
    const { body: a } = await request(app.getHttpServer()).post('/applications').send(valid()).expect(201);
    const missingReason = await request(app.getHttpServer()).post(`/applications/${a.id}/decision`).send({ decision: 'rejected' }).expect(400);
    expect(missingReason.body.errors[0].field).toBe('reason');
    await request(app.getHttpServer()).post(`/applications/${a.id}/decision`).send({ decision: 'rejected', reason: '材料不全' }).expect(200);
    const again = await request(app.getHttpServer()).post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(409);
    expect(again.body.message).toContain('already rejected');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = $2', [a.id, ApprovalEventTypes.decided]);
    expect(n).toBe(1);
  });

  it('answers 404 for an unknown application and 400 for a malformed id', async () => {
    await request(app.getHttpServer()).get('/applications/00000000-0000-4000-8000-000000000000').expect(404);
    await request(app.getHttpServer()).get('/applications/not-a-uuid').expect(400);
  });

  it('lists with filters and paging', async () => {
    const body = valid();
    await request(app.getHttpServer()).post('/applications').send(body).expect(201);
    await request(app.getHttpServer()).post('/applications').send(body).expect(201);
    const res = await request(app.getHttpServer()).get('/applications').query({ projectCode: body.projectCode, pageSize: 1 }).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(res.body.items).toHaveLength(1);
    await request(app.getHttpServer()).get('/applications').query({ pageSize: 1000 }).expect(400);
  });

  it('serves OpenAPI at /docs and health with every dependency', async () => {
    const doc = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/applications', '/applications/{id}/decision', '/health']));
    const health = await waitFor('health to be ok', async () => {
      const res = await request(app.getHttpServer()).get('/health');
      return res.status === 200 ? res.body : undefined;
    });
    expect(Object.keys(health.details).sort()).toEqual(['database', 'kafka', 'temporal']);
    await request(app.getHttpServer()).get('/metrics').expect(200).expect(/outbox_events_published_total/);
  });
});
