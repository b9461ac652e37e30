import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Consumer } from 'kafkajs';
import { Client } from '@temporalio/client';
import { IntegrationEvent, Roles, SupervisionEventTypes, SupervisionPenaltyDecidedV1, Topics } from '@cityworks/contracts';
import { createKafka, fromKafkaMessage, physicalTopic } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionActivitiesImpl } from '../activities/supervision.activities';

jest.setTimeout(90_000);

/**
 * 监管行为 against the real Postgres, Kafka and Temporal dev server: the department comes from the
 * token, events go out through the outbox, a registered check starts its reporting workflow.
 */
describe('supervision actions (监管行为)', () => {
  let app: INestApplication;
  let db: DataSource;
  let kafkaReader: Consumer;
  const seen: IntegrationEvent[] = [];

  const officer = bearer({ userId: 'zjj-9', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const other = bearer({ userId: 'hb-9', departmentCode: 'AS-HBJ', roles: [Roles.supervisionOfficer] });
  const post = (url: string, body: object, token = officer) => request(app.getHttpServer()).post(url).set('authorization', token).send(body);
  const get = (url: string, token = officer) => request(app.getHttpServer()).get(url).set('authorization', token);
  const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');

  const header = () => ({ supervisionItemCode: 'JG-JZSG-001', subjectName: '鞍山市某建筑工程有限公司', subjectUscc: randomUscc(), regionCode: '210302' });
  const check = (overrides: Record<string, unknown> = {}) => ({
    ...header(),
    planId: 'PLAN-2026-01',
    form: 'on-site',
    method: 'random-sampling',
    checkedAt: daysAgo(1),
    inspectors: [
      { name: '王强', certificateNumber: '21030219001' },
      { name: '李明', certificateNumber: '21030219002' },
    ],
    ...overrides,
  });
  const penalty = (overrides: Record<string, unknown> = {}) => ({
    ...header(),
    legalRepresentative: '张三',
    documentNumber: `鞍住建罚〔2026〕${randomUUID().slice(0, 8)}号`,
    violationType: '未取得施工许可证擅自施工',
    facts: '该公司于 2026 年 11 月在未取得施工许可证的情况下擅自开工建设。',
    legalBasis: '《建筑工程施工许可管理办法》第十二条',
    categories: ['罚款'],
    content: '罚款人民币贰万元整',
    fineAmount: '20000',
    decisionDate: chinaToday(),
    validUntil: '2029-12-31',
    severity: 'serious',
    ...overrides,
  });
  const outbox = (subject: string) =>
    db.query('SELECT type, envelope, published_at FROM outbox_events WHERE subject = $1 ORDER BY created_at', [subject]) as Promise<
      { type: string; envelope: IntegrationEvent; published_at: Date | null }[]
    >;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    // a reader of supervision's topic, joined before anything is published
    kafkaReader = createKafka('supervision-actions-test').consumer({ groupId: `supervision-actions-test-${randomUUID()}` });
    await kafkaReader.connect();
    await kafkaReader.subscribe({ topics: [physicalTopic(Topics.supervision)], fromBeginning: false });
    const joined = new Promise<void>((resolve) => kafkaReader.on(kafkaReader.events.GROUP_JOIN, () => resolve()));
    await kafkaReader.run({ eachMessage: async ({ message }) => void seen.push(fromKafkaMessage(message.value)) });
    await joined;
  });

  afterAll(async () => {
    await kafkaReader?.disconnect();
    await app?.close();
  });

  it('a check with its result is reported at once, for the caller’s department, and published', async () => {
    // the department is the token's: a body naming one is refused
    expect(JSON.stringify((await post('/supervision-actions/checks', check({ result: 'no-problem', departmentCode: 'AS-HBJ' })).expect(400)).body)).toContain(
      'departmentCode',
    );
    const res = await post('/supervision-actions/checks', check({ result: 'no-problem' })).expect(201);
    expect(res.body).toMatchObject({
      kind: 'check',
      departmentCode: 'AS-ZJJ',
      status: 'reported',
      late: false,
      workflowId: null,
      check: { result: 'no-problem' },
    });
    expect(Date.parse(res.body.reportedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.actedAt));
    const events = await outbox(res.body.id);
    expect(events.map((e) => e.type)).toEqual([SupervisionEventTypes.checkRecorded]);
    expect(events[0].envelope.data).toMatchObject({ actionId: res.body.id, planId: 'PLAN-2026-01', departmentCode: 'AS-ZJJ', result: 'no-problem' });
  });

  it('refuses a bad USCC check character, no inspector, a check in the future, and missing findings — with the field named, nothing written', async () => {
    const uscc = randomUscc();
    const broken = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const bad = await post('/supervision-actions/checks', check({ subjectUscc: broken })).expect(400);
    expect(JSON.stringify(bad.body)).toContain('subjectUscc');
    expect(JSON.stringify((await post('/supervision-actions/checks', check({ inspectors: [] })).expect(400)).body)).toContain('inspectors');
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await post('/supervision-actions/checks', check({ checkedAt: future })).expect(422)).body.message).toContain('checkedAt');
    expect((await post('/supervision-actions/checks', check({ result: 'violation-found' })).expect(422)).body.message).toContain('findings');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM supervision_actions WHERE subject_uscc = $1', [broken]);
    expect(n).toBe(0);
  });

  it('a registered check starts its 7-day reporting workflow; reporting it ends the wait and publishes the result', async () => {
    const res = await post('/supervision-actions/checks', check()).expect(201);
    expect(res.body).toMatchObject({ status: 'recorded', late: null, workflowId: `action-report-${res.body.id}` });
    // 7 calendar days after the check day, to the end of that China day
    const checkDay = new Date(Date.parse(res.body.actedAt) + 8 * 3600_000).toISOString().slice(0, 10);
    const due = new Date(Date.parse(`${checkDay}T00:00:00Z`) + 7 * 86400_000).toISOString().slice(0, 10);
    expect(res.body.reportDueAt).toBe(new Date(Date.parse(`${due}T23:59:59.999+08:00`)).toISOString());
    const handle = app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(res.body.workflowId);
    const described = await waitFor('the reporting workflow to start', () => handle.describe().catch(() => undefined));
    expect(described.searchAttributes).toMatchObject({ ObligationKind: ['action-report'], DepartmentCode: ['AS-ZJJ'] });

    await post(`/supervision-actions/${res.body.id}/report`, { result: 'no-problem' }, other).expect(404);
    const reported = await post(`/supervision-actions/${res.body.id}/report`, { result: 'rectification-ordered', findings: '脚手架未设置剪刀撑' }).expect(200);
    expect(reported.body).toMatchObject({ status: 'reported', late: false, check: { result: 'rectification-ordered', findings: '脚手架未设置剪刀撑' } });
    await post(`/supervision-actions/${res.body.id}/report`, { result: 'no-problem' }).expect(409);
    // the signal went out through the workflow outbox (the workflow's logic is the time-skipping spec's)
    await waitFor('the workflow to be told', async () =>
      (await handle.fetchHistory()).events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'supervisionObligationMet'),
    );
  });

  it('a check registered after its period is overdue at once and flagged late when reported', async () => {
    const res = await post('/supervision-actions/checks', check({ checkedAt: daysAgo(10) })).expect(201);
    // the workflow's activity, as the worker runs it at the deadline
    expect(await app.get(SupervisionActivitiesImpl).markSupervisionObligationOverdue({ kind: 'action-report', id: res.body.id })).toEqual({
      changed: true,
      met: false,
    });
    expect(await app.get(SupervisionActivitiesImpl).markSupervisionObligationOverdue({ kind: 'action-report', id: res.body.id })).toEqual({
      changed: false,
      met: false,
    });
    const reported = await post(`/supervision-actions/${res.body.id}/report`, { result: 'no-problem' }).expect(200);
    expect(reported.body).toMatchObject({ status: 'reported', late: true });
    expect(reported.body.overdueAt).not.toBeNull();
  });

  it('a penalty reaches Kafka as supervision.penalty-decided.v1 through the outbox, its document number once', async () => {
    const body = penalty();
    const res = await post('/supervision-actions/penalties', body).expect(201);
    expect(res.body).toMatchObject({ kind: 'penalty', status: 'reported', late: false, penalty: { fineAmount: '20000.00', categories: ['罚款'] } });
    await waitFor('the relay to publish the penalty', async () => (await outbox(res.body.id))[0]?.published_at);
    const delivered = await waitFor('the penalty on Kafka', async () => seen.find((e) => e.subject === res.body.id));
    expect(delivered.type).toBe(SupervisionEventTypes.penaltyDecided);
    expect(delivered.data as SupervisionPenaltyDecidedV1).toMatchObject({
      actionId: res.body.id,
      documentNumber: body.documentNumber,
      subjectUscc: body.subjectUscc,
      subjectName: body.subjectName,
      legalRepresentative: '张三',
      departmentCode: 'AS-ZJJ',
      category: '罚款',
      fineAmount: '20000.00',
      decisionDate: body.decisionDate,
      severity: 'serious',
    });
    const again = await post('/supervision-actions/penalties', { ...penalty(), documentNumber: body.documentNumber }).expect(409);
    expect(again.body.message).toContain('documentNumber');
  });

  it('a result is given or left out, never null', async () => {
    const res = await post('/supervision-actions/checks', check({ result: null })).expect(400);
    expect(res.body.message).toContain('result must be one of');
  });

  it('a penalty’s fine goes with 罚款 only, as a decimal string', async () => {
    await post('/supervision-actions/penalties', penalty({ fineAmount: '-1' })).expect(400);
    await post('/supervision-actions/penalties', penalty({ fineAmount: '1e5' })).expect(400);
    expect((await post('/supervision-actions/penalties', penalty({ fineAmount: undefined })).expect(422)).body.message).toContain('fineAmount');
    expect((await post('/supervision-actions/penalties', penalty({ categories: ['警告'] })).expect(422)).body.message).toContain('fineAmount');
    expect((await post('/supervision-actions/penalties', penalty({ validUntil: '2020-01-01' })).expect(422)).body.message).toContain('validUntil');
    expect((await post('/supervision-actions/penalties', penalty({ decisionDate: '2026-02-30' })).expect(422)).body.message).toContain('decisionDate');
    const warned = await post('/supervision-actions/penalties', penalty({ categories: ['警告'], fineAmount: undefined })).expect(201);
    expect(warned.body.penalty.fineAmount).toBeNull();
  });

  it('an old decision is recorded late; an enforcement is recorded too', async () => {
    const old = await post('/supervision-actions/penalties', penalty({ decisionDate: '2026-10-08', categories: ['警告'], fineAmount: undefined })).expect(201);
    expect(old.body.late).toBe(true);
    const enforcement = await post('/supervision-actions/enforcements', {
      ...header(),
      documentNumber: `鞍住建强〔2026〕${randomUUID().slice(0, 8)}号`,
      measure: '查封场所设施或者财物',
      facts: '擅自施工且拒不停止',
      legalBasis: '《中华人民共和国行政强制法》第二十二条',
      content: '查封施工现场塔吊一台',
      decisionDate: chinaToday(),
      endsOn: '2027-01-10',
    }).expect(201);
    expect(enforcement.body).toMatchObject({ kind: 'enforcement', status: 'reported', late: false, enforcement: { measure: '查封场所设施或者财物' } });
  });

  it('lists only the caller’s department’s actions', async () => {
    const res = await post('/supervision-actions/checks', check({ result: 'no-problem' })).expect(201);
    const mine = await get(`/supervision-actions?subjectUscc=${res.body.subjectUscc}`).expect(200);
    expect(mine.body.total).toBe(1);
    const theirs = await get(`/supervision-actions?subjectUscc=${res.body.subjectUscc}`, other).expect(200);
    expect(theirs.body.total).toBe(0);
    await get(`/supervision-actions/${res.body.id}`, other).expect(404);
  });
});
