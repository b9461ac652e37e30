import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, addCalendarMonths, chinaDateOf } from '@cityworks/calendar';
import { CreditEventTypes, Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';

/** 信用修复 against the real Postgres (cityworks_test) and Kafka (test.* topics). */
describe('信用修复 (credit repairs)', () => {
  let app: INestApplication;
  let db: DataSource;
  const today = chinaDateOf(new Date());
  // the credit desk of 住建局, which decided the records and so handles their repair
  const CREDIT_OFFICER = bearer({ userId: 'zjj-xy-1', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });
  const OTHER_CREDIT_OFFICER = bearer({ userId: 'xyb-1', departmentCode: 'AS-XYB', roles: [Roles.creditOfficer] });
  const AUDITOR = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const APPLICANT = '王建国';
  const http = (token = CREDIT_OFFICER) => {
    const agent = request(app.getHttpServer());
    return {
      get: (url: string) => agent.get(url).set('authorization', token),
      post: (url: string) => agent.post(url).set('authorization', token),
    };
  };

  /** A 严重 record decided long enough ago that its 12-month minimum period has run. */
  const addRecord = async (uscc: string, over: Record<string, unknown> = {}): Promise<string> =>
    (
      await http()
        .post('/credit-records')
        .send({
          uscc,
          kind: 'bad',
          severity: 'severe',
          sourceType: 'supervision',
          sourceDepartmentCode: 'AS-ZJJ',
          reason: '未按规定设置安全防护',
          decidedOn: addCalendarMonths(today, -13),
          expiresOn: addCalendarDays(today, 365),
          ...over,
        })
        .expect(201)
    ).body.id;
  const application = (over: Record<string, unknown> = {}) => ({
    applicantName: APPLICANT,
    correction: '已补齐安全防护设施并完成全员安全培训',
    evidence: [{ kind: '整改报告', reference: '铁东住建整改〔2026〕7号', title: '整改报告' }],
    ...over,
  });
  const gradeOf = async (uscc: string) => (await http().get(`/subjects/${uscc}/credit`).expect(200)).body.grade;
  const outboxTypes = async (uscc: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox_events WHERE subject = $1 ORDER BY created_at, id`, [uscc])).map((r: { type: string }) => r.type);
  const auditOf = async (resourceType: string, resourceId: string) =>
    (await http(AUDITOR).get('/audit-log').query({ resourceType, resourceId }).expect(200)).body.items as { action: string }[];

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  it('approving a repair after the minimum period ends the record, grades the subject back and announces both', async () => {
    const uscc = randomUscc();
    const recordId = await addRecord(uscc);
    expect(await gradeOf(uscc)).toBe('D');

    const applied = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(201);
    expect(applied.body).toMatchObject({ recordId, uscc, status: 'pending', applicantName: APPLICANT, decidedAt: null });
    // one open application per record
    const second = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(409);
    expect(second.body.message).toContain(`already has a pending repair application (${applied.body.id})`);

    const pending = await http().get('/credit-repairs').query({ uscc, status: 'pending' }).expect(200);
    expect(pending.body).toMatchObject({ total: 1, items: [{ id: applied.body.id }] });

    const decided = await http().post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'approved', reason: '整改到位，同意修复' }).expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: 'zjj-xy-1', decisionReason: '整改到位，同意修复' });

    const [record] = (await http().get('/credit-records').query({ uscc }).expect(200)).body.items;
    expect(record).toMatchObject({ id: recordId, repaired: true, active: false });
    expect((await db.query(`SELECT repaired_at FROM credit_records WHERE id = $1`, [recordId]))[0].repaired_at).toBeInstanceOf(Date);
    expect(await gradeOf(uscc)).toBe('B');

    // one transaction's events share created_at, so their order among themselves is not asserted
    expect((await outboxTypes(uscc)).sort()).toEqual(
      [CreditEventTypes.recordAdded, CreditEventTypes.gradeChanged, CreditEventTypes.recordRepaired, CreditEventTypes.gradeChanged].sort(),
    );
    const [repairedEvent] = await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2`, [uscc, CreditEventTypes.recordRepaired]);
    expect(repairedEvent.envelope.data).toMatchObject({ repairId: applied.body.id, recordId, uscc, recordDecidedOn: addCalendarMonths(today, -13) });
    expect(JSON.stringify(repairedEvent.envelope)).not.toMatch(/王建国|安全培训|同意修复/);
    const [regraded] = await db.query(
      `SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY (envelope->'data'->>'version')::int DESC LIMIT 1`,
      [uscc, CreditEventTypes.gradeChanged],
    );
    expect(regraded.envelope.data).toMatchObject({ gradeBefore: 'D', gradeAfter: 'B', jointPunishment: false, causeRecordId: recordId });

    const repairAudit = await auditOf('credit-repair', applied.body.id);
    expect(repairAudit.map((a) => a.action).sort()).toEqual(['credit-repair.applied', 'credit-repair.approved']);
    expect((await auditOf('credit-record', recordId)).map((a) => a.action).sort()).toEqual(['credit-record.added', 'credit-record.repaired']);
    expect(JSON.stringify(repairAudit)).not.toContain(APPLICANT);

    // decided once
    const again = await http().post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'refused', reason: '复查' }).expect(409);
    expect(again.body.message).toContain('is already approved');
    // and a repaired record takes no new application
    const repairedAgain = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(422);
    expect(repairedAgain.body.message).toContain('is already repaired');
  });

  it('a refusal leaves the record, the grade and the outbox as they were, and the record may be applied for again', async () => {
    const uscc = randomUscc();
    const recordId = await addRecord(uscc);
    const applied = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(201);
    const typesBefore = await outboxTypes(uscc);

    await http().post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'refused', reason: '证明材料不足' }).expect(200);
    expect((await http().get(`/credit-repairs/${applied.body.id}`).expect(200)).body).toMatchObject({ status: 'refused', decisionReason: '证明材料不足' });
    expect((await http().get('/credit-records').query({ uscc }).expect(200)).body.items[0]).toMatchObject({ repaired: false, active: true });
    expect(await gradeOf(uscc)).toBe('D');
    expect(await outboxTypes(uscc)).toEqual(typesBefore);
    expect((await auditOf('credit-repair', applied.body.id)).map((a) => a.action).sort()).toEqual(['credit-repair.applied', 'credit-repair.refused']);

    await http().post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'approved', reason: '同意' }).expect(409);
    await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(201);
  });

  it.each([
    ['inside its minimum period', { decidedOn: addCalendarDays(today, -30) }, 'is inside its minimum period'],
    ['守信', { kind: 'good', severity: undefined }, 'only a 失信 (bad) record can be repaired'],
    ['expired', { decidedOn: addCalendarDays(today, -800), expiresOn: addCalendarDays(today, -1) }, `expired on ${addCalendarDays(today, -1)}`],
  ])('refuses with 422 a record %s, and writes nothing', async (_, over, message) => {
    const uscc = randomUscc();
    const recordId = await addRecord(uscc, over);
    const typesBefore = await outboxTypes(uscc);
    const res = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(422);
    expect(res.body.message).toContain(message);
    expect((await http().get('/credit-repairs').query({ uscc }).expect(200)).body.total).toBe(0);
    expect(await outboxTypes(uscc)).toEqual(typesBefore);
  });

  it.each([
    ['correction', { correction: '   ' }, 'correction must not be blank'],
    ['evidence', { evidence: [] }, 'evidence must name at least one document of the correction'],
    ['evidence', { evidence: [{ kind: '照片', reference: 'X-1' }] }, 'kind must be one of'],
    ['applicantName', { applicantName: undefined }, 'applicantName'],
  ])('answers 400 naming %s', async (field, over, message) => {
    const recordId = await addRecord(randomUscc());
    const res = await http().post(`/credit-records/${recordId}/repairs`).send(application(over)).expect(400);
    expect(res.body.message).toContain(message);
    expect(res.body.errors.map((e: { field: string }) => e.field.split('.')[0])).toContain(field);
  });

  it('leaves a record’s repair to the department that decided it, and hides its applications from others', async () => {
    const recordId = await addRecord(randomUscc());
    const foreign = await http(OTHER_CREDIT_OFFICER).post(`/credit-records/${recordId}/repairs`).send(application()).expect(403);
    expect(foreign.body.message).toContain('decided by AS-ZJJ, not your department (AS-XYB)');
    const applied = await http().post(`/credit-records/${recordId}/repairs`).send(application()).expect(201);
    await http(OTHER_CREDIT_OFFICER).get(`/credit-repairs/${applied.body.id}`).expect(404);
    await http(OTHER_CREDIT_OFFICER).post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'approved', reason: '同意' }).expect(404);
    expect((await http(AUDITOR).get(`/credit-repairs/${applied.body.id}`).expect(200)).body.status).toBe('pending');
    await http(AUDITOR).post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'approved', reason: '同意' }).expect(403);
  });

  it('answers 404 for what does not exist and 400 for a malformed id', async () => {
    await http().post(`/credit-records/${randomUUID()}/repairs`).send(application()).expect(404);
    await http().get(`/credit-repairs/${randomUUID()}`).expect(404);
    await http().post(`/credit-repairs/${randomUUID()}/decision`).send({ decision: 'approved', reason: '同意' }).expect(404);
    await http().get('/credit-repairs/not-a-uuid').expect(400);
    expect((await http().get('/credit-repairs').query({ status: 'open' }).expect(400)).body.errors[0].field).toBe('status');
  });
});
