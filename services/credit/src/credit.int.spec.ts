import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { addCalendarDays, chinaDateOf } from '@cityworks/calendar';
import { randomUUID } from 'node:crypto';
import {
  CommitmentBrokenV1,
  CommitmentKeptV1,
  CreditEventTypes,
  CreditGradeChangedV1,
  CreditRecordAddedV1,
  IntegrationEvent,
  Roles,
  SupervisionEventTypes,
} from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, healthyService, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from './app.module';
import { CreditActivitiesImpl } from './activities/credit.activities';
import { CreditRecordsService } from './credit-records/credit-records.service';
import { CommitmentBrokenHandler, CommitmentKeptHandler } from './credit-records/from-events/commitment-findings.handler';
import { keptCommitmentRecord } from './credit-records/from-events/commitment-records';

/** The real service against the real Postgres (cityworks_test), Kafka (test.* topics) and Temporal. */
describe('credit service', () => {
  let app: INestApplication;
  let db: DataSource;
  const today = chinaDateOf(new Date());
  // the credit desk of 住建局, which records 住建局's own findings
  const CREDIT_OFFICER = bearer({ userId: 'zjj-xy-1', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });
  const OTHER_CREDIT_OFFICER = bearer({ userId: 'xyb-1', departmentCode: 'AS-XYB', roles: [Roles.creditOfficer] });
  const APPROVAL_OFFICER = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const AUDITOR = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const INSPECTOR = bearer({ userId: 'zjj-7', departmentCode: 'AS-ZJJ', roles: [Roles.inspector] });
  /** the credit office unless told otherwise */
  const http = (token = CREDIT_OFFICER) => {
    const agent = request(app.getHttpServer());
    return {
      get: (url: string) => agent.get(url).set('authorization', token),
      post: (url: string) => agent.post(url).set('authorization', token),
    };
  };

  const record = (uscc: string, over: Record<string, unknown> = {}) => ({
    uscc,
    kind: 'bad',
    severity: 'minor',
    sourceType: 'supervision',
    sourceDepartmentCode: 'AS-ZJJ',
    reason: '施工现场未按规定设置安全防护',
    decidedOn: today,
    expiresOn: addCalendarDays(today, 365),
    ...over,
  });
  const outboxOf = (uscc: string): Promise<{ envelope: IntegrationEvent<CreditRecordAddedV1>; published_at: Date | null }[]> =>
    db.query(`SELECT envelope, published_at FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at`, [uscc, CreditEventTypes.recordAdded]);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  it('records a 失信 fact, lists it and publishes credit.record-added.v1 from the outbox', async () => {
    const uscc = randomUscc();
    const created = await http()
      .post('/credit-records')
      .send(record(uscc, { sourceRef: '鞍住建罚〔2026〕15号' }))
      .expect(201);
    expect(created.body).toMatchObject({ uscc, kind: 'bad', severity: 'minor', decidedOn: today, repaired: false, active: true });

    const listed = await http().get('/credit-records').query({ uscc }).expect(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, items: [{ id: created.body.id }] });

    const [event] = await outboxOf(uscc);
    expect(event.envelope).toMatchObject({
      type: CreditEventTypes.recordAdded,
      subject: uscc,
      data: { recordId: created.body.id, severity: 'minor', gradeAfter: 'B' },
    });
    // the reason may name people; it stays here
    expect(JSON.stringify(event.envelope)).not.toContain('安全防护');
    await waitFor('the relay to publish the event', async () => (await outboxOf(uscc))[0].published_at, { timeoutMs: 10000 });

    const audit = await http(AUDITOR).get('/audit-log').query({ resourceType: 'credit-record', resourceId: created.body.id }).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'credit-record.added', actorUserId: 'zjj-xy-1', after: expect.objectContaining({ uscc, gradeAfter: 'B' }) }),
    ]);
  });

  it('grades a subject from its active records and flags 联合惩戒 at D', async () => {
    const uscc = randomUscc();
    expect((await http(APPROVAL_OFFICER).get(`/subjects/${uscc}/credit`).expect(200)).body).toMatchObject({
      grade: 'B',
      activeRecords: [],
      jointPunishment: false,
    });

    await http()
      .post('/credit-records')
      .send(record(uscc, { kind: 'good', severity: undefined, sourceType: 'approval', reason: '年度守信激励' }))
      .expect(201);
    // an expired 严重 record no longer counts
    await http()
      .post('/credit-records')
      .send(record(uscc, { severity: 'severe', decidedOn: addCalendarDays(today, -800), expiresOn: addCalendarDays(today, -1) }))
      .expect(201);
    expect((await http(APPROVAL_OFFICER).get(`/subjects/${uscc}/credit`).expect(200)).body).toMatchObject({
      grade: 'A',
      greenChannel: true,
      activeGoodRecords: 1,
    });

    await http()
      .post('/credit-records')
      .send(record(uscc, { severity: 'severe', sourceType: 'commitment' }))
      .expect(201);
    const standing = (await http(APPROVAL_OFFICER).get(`/subjects/${uscc}/credit`).expect(200)).body;
    expect(standing).toMatchObject({
      uscc,
      grade: 'D',
      jointPunishment: true,
      enhancedSupervision: true,
      asOf: today,
      activeBadRecords: { severe: 1 },
      activeRecordsTruncated: false,
    });
    expect(standing.activeRecords).toHaveLength(2);
    expect((await outboxOf(uscc)).map((e) => e.envelope.data.gradeAfter)).toEqual(['A', 'A', 'D']);
  });

  it('serialises the writers of one subject, so the grade in each event has seen every earlier record', async () => {
    const uscc = randomUscc();
    // another writer of the same subject, mid-transaction
    const other = db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credit:${uscc}`]);
    let answered = false;
    const pending = http()
      .post('/credit-records')
      .send(record(uscc))
      .expect(201)
      .then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    await other.commitTransaction();
    await other.release();
    await pending;
    expect(answered).toBe(true);
  });

  it('refuses a second record from the same source with 409 and writes no event for it', async () => {
    const uscc = randomUscc();
    await http()
      .post('/credit-records')
      .send(record(uscc, { sourceRef: 'APP-1' }))
      .expect(201);
    const res = await http()
      .post('/credit-records')
      .send(record(uscc, { sourceRef: 'APP-1', severity: 'severe' }))
      .expect(409);
    expect(res.body.message).toContain('already exists');
    expect(await outboxOf(uscc)).toHaveLength(1);
  });

  it.each([
    ['uscc', { uscc: '91350100M000100Y44' }, '统一社会信用代码'],
    ['severity', { severity: undefined }, 'severity is required for a bad (失信) record'],
    ['severity', { kind: 'good' }, 'severity must be left out for a good (守信) record'],
    ['kind', { kind: 'neutral' }, 'kind must be one of good, bad'],
    ['decidedOn', { decidedOn: '2026-02-30' }, 'decidedOn must be a date in the form YYYY-MM-DD'],
    ['decidedOn', { decidedOn: addCalendarDays(today, 1), expiresOn: addCalendarDays(today, 9) }, 'decidedOn must not be after today'],
    ['expiresOn', { expiresOn: addCalendarDays(today, -1) }, 'expiresOn must be on or after decidedOn'],
    ['sourceType', { sourceType: 'gossip' }, 'sourceType must be one of'],
    ['reason', { reason: 'x'.repeat(2001) }, 'reason must be shorter than or equal to 2000 characters'],
    ['grade', { grade: 'A' }, 'property grade should not exist'],
  ])('answers 400 naming %s', async (field, over, message) => {
    const res = await http().post('/credit-records').send(record(randomUscc(), over)).expect(400);
    expect(res.body.message).toContain(message);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 for a malformed 统一社会信用代码 in a query or path', async () => {
    expect((await http().get('/subjects/91350100M000100Y44/credit').expect(400)).body.message).toContain('uscc must be a valid 统一社会信用代码');
    expect((await http().get('/credit-records').query({ uscc: 'nope' }).expect(400)).body.errors[0].field).toBe('uscc');
  });

  it('lets every department look a subject up, but only the credit office record facts', async () => {
    await http(INSPECTOR).get(`/subjects/${randomUscc()}/credit`).expect(200);
    await http(INSPECTOR).post('/credit-records').send(record(randomUscc())).expect(403);
    // a credit officer records only its own department's findings
    const foreign = await http(OTHER_CREDIT_OFFICER).post('/credit-records').send(record(randomUscc())).expect(403);
    expect(foreign.body.message).toContain('sourceDepartmentCode AS-ZJJ is not your department (AS-XYB)');
    await request(app.getHttpServer()).post('/credit-records').send(record(randomUscc())).expect(401);
  });

  it('answers 404 for what does not exist', async () => {
    await http().get('/credit-records/123').expect(404);
  });

  it('getCreditGrade gives workflows the grade and flags, and refuses a bad code without retry', async () => {
    const uscc = randomUscc();
    await http()
      .post('/credit-records')
      .send(record(uscc, { severity: 'serious' }))
      .expect(201);
    const activities = app.get(CreditActivitiesImpl);
    await expect(activities.getCreditGrade({ uscc })).resolves.toEqual({
      uscc,
      grade: 'C',
      jointPunishment: false,
      greenChannel: false,
      enhancedSupervision: true,
      activeGoodRecords: 0,
      activeBadRecords: { minor: 0, serious: 1, severe: 0 },
      asOf: today,
    });
    const failure = await activities.getCreditGrade({ uscc: 'not-a-code' }).catch((e) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'InvalidUscc', nonRetryable: true });
  });

  it('writes 守信 and 失信 records from supervision’s commitment findings, once per event, and publishes each change of grade', async () => {
    const uscc = randomUscc();
    const consumer = app.get(EventConsumer);
    const envelope = <T>(type: string, data: T): IntegrationEvent<T> => ({
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/supervision',
      type,
      time: new Date().toISOString(),
      subject: randomUUID(),
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    });
    const kept = envelope<CommitmentKeptV1>(SupervisionEventTypes.commitmentKept, {
      commitmentId: randomUUID(),
      applicationId: randomUUID(),
      ownerUscc: uscc,
      supervisingDepartmentCode: 'AS-ZJJ',
      verifiedAt: new Date().toISOString(),
      onTime: true,
    });
    expect(await consumer.handleOnce(kept, app.get(CommitmentKeptHandler))).toBe('applied');
    // delivered again past the inbox (another consumer name, a replay): still one record
    expect(await app.get(CreditRecordsService).recordFromEvent(keptCommitmentRecord(kept), db.manager)).toBe('already-recorded');
    const broken = envelope<CommitmentBrokenV1>(SupervisionEventTypes.commitmentBroken, {
      commitmentId: randomUUID(),
      applicationId: randomUUID(),
      projectCode: 'P-CR-1',
      itemCode: 'JS-SGXK-001',
      ownerUscc: uscc,
      supervisingDepartmentCode: 'AS-ZJJ',
      approvingDepartmentCode: 'AS-XZSPJ',
      breach: 'false-commitment',
      findings: '资金到位证明系伪造',
      ineligibleUntil: new Date(Date.now() + 365 * 86400_000).toISOString(),
      foundAt: new Date().toISOString(),
    });
    expect(await consumer.handleOnce(broken, app.get(CommitmentBrokenHandler))).toBe('applied');
    expect(await consumer.handleOnce(broken, app.get(CommitmentBrokenHandler))).toBe('duplicate');

    const records = (await http().get('/credit-records').query({ uscc }).expect(200)).body;
    expect(records.total).toBe(2);
    expect(records.items.map((r: { kind: string; severity: string | null; sourceType: string }) => [r.kind, r.severity, r.sourceType]).sort()).toEqual([
      ['bad', 'severe', 'commitment'],
      ['good', null, 'commitment'],
    ]);
    const credit = (await http().get(`/subjects/${uscc}/credit`).expect(200)).body;
    expect(credit).toMatchObject({ grade: 'D', jointPunishment: true });

    const changes = await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at`, [
      uscc,
      CreditEventTypes.gradeChanged,
    ]);
    expect(changes.map(({ envelope }: { envelope: IntegrationEvent<CreditGradeChangedV1> }) => envelope.data)).toEqual([
      expect.objectContaining({ gradeBefore: null, gradeAfter: 'A', greenChannel: true, version: 1 }),
      expect.objectContaining({ gradeBefore: 'A', gradeAfter: 'D', jointPunishment: true, version: 2 }),
    ]);
    const history = await db.query(`SELECT version, grade_before, grade_after FROM subject_grade_changes WHERE uscc = $1 ORDER BY version`, [uscc]);
    expect(history).toEqual([
      { version: 1, grade_before: null, grade_after: 'A' },
      { version: 2, grade_before: 'A', grade_after: 'D' },
    ]);
  });

  it('is healthy: database, Kafka and Temporal (with its activity worker) answer', async () => {
    const health = await healthyService(app);
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' }, temporal: { status: 'up' } } });
  });
});
