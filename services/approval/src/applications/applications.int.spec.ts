import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ApprovalEventTypes, IntegrationEvent, Roles, SupervisionEventTypes, SupervisionFeedbackGivenV1 } from '@cityworks/contracts';
import { EventConsumer, PermanentEventError } from '@cityworks/messaging';
import { SupervisionFeedbackGivenHandler } from './events/supervision-feedback-given.handler';
import { AuditTrail, auditChainOf } from '@cityworks/platform';
import { bearer, healthyService, isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { acceptApplicationRequest } from '../../testing/accept-application.fixture';
import { registerProject } from '../../testing/projects.fixture';
import { seedApprovalItem } from '../../testing/catalog-items.fixture';

/** The approval API against the real Postgres and Kafka. */
describe('applications API', () => {
  let app: INestApplication;
  let db: DataSource;
  // every application here belongs to one registered project
  const projectCode = `T-${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const valid = () => acceptApplicationRequest(projectCode);

  const officer = bearer({ userId: 'spj-officer', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'zjj-officer', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const outsider = bearer({ userId: 'hb-officer', departmentCode: 'AS-HBJ', roles: [Roles.approvalOfficer, Roles.supervisionOfficer] });
  const auditor = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const post = (url: string, token = officer) => http().post(url).set('authorization', token);
  const get = (url: string, token = officer) => http().get(url).set('authorization', token);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    // 施工许可 in the city list (the fixture's demo values): 7 working days, only 补正材料 stops the clock, 住建局 supervises
    await seedApprovalItem(app, { code: 'JS-SGXK-001' });
    // an item of the city list that does not allow 告知承诺
    await seedApprovalItem(app, { code: 'T-NO-COMMITMENT', commitmentAllowed: false });
    await registerProject(app, projectCode);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('accepts an application and writes its event to the outbox in the same transaction, then publishes it', async () => {
    const res = await post('/applications').send(valid()).expect(201);
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
    const res = await post('/applications').set('x-correlation-id', 'corr-approval-test-1').send(valid()).expect(201);
    expect(res.headers['x-correlation-id']).toBe('corr-approval-test-1');
    const [row] = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1', [res.body.id]);
    expect(row.envelope.correlationid).toBe('corr-approval-test-1');
  });

  it('refuses bad input with 400 naming each field and rule, and writes nothing', async () => {
    // the supervising department and the feedback period come from the catalog: a caller may not send them
    const body = {
      ...acceptApplicationRequest(`${projectCode}-unused`),
      ownerUscc: '91350100M000100Y44',
      regionCode: '21',
      supervisionFeedbackWorkingDays: 5,
      extra: 1,
    };
    const res = await post('/applications').send(body).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'ownerUscc', 'regionCode', 'supervisionFeedbackWorkingDays']);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM applications WHERE project_code = $1', [body.projectCode]);
    expect(n).toBe(0);
  });

  it('takes the statutory terms from the catalog item version in force, and refuses what the catalog does not allow', async () => {
    const res = await post('/applications').send(valid()).expect(201);
    expect(res.body).toMatchObject({
      supervisingDepartmentCode: 'AS-ZJJ',
      supervisionFeedbackWorkingDays: 5,
      terms: { itemRegionCode: '210300', timeLimitWorkingDays: 7, allowedClockStops: ['补正材料'], commitmentAllowed: true },
      clockStops: [],
      illegalClockStopAttempts: 0,
      timing: { timeLimitWorkingDays: 7, usedWorkingDays: 0, clockStopped: false, overdue: false, decidedWithinLimit: null },
    });
    const unknown = await post('/applications')
      .send({ ...valid(), itemCode: 'NO-SUCH-ITEM' })
      .expect(422);
    expect(unknown.body.message).toBe('item NO-SUCH-ITEM is not in the approval-item list in force for region 210303 (审批事项清单)');
    const commitment = await post('/applications')
      .send({ ...valid(), itemCode: 'T-NO-COMMITMENT', onCommitment: true })
      .expect(422);
    expect(commitment.body.message).toContain('does not allow approval on commitment (告知承诺制)');
    const zjj = bearer({ userId: 'zjj-desk', departmentCode: 'AS-ZJJ', roles: [Roles.approvalOfficer] });
    const notImplementing = await post('/applications', zjj)
      .send({ ...valid(), departmentCode: 'AS-ZJJ' })
      .expect(422);
    expect(notImplementing.body.message).toContain('department AS-ZJJ does not implement item JS-SGXK-001: its 实施部门 is AS-XZSPJ');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM applications WHERE item_code = 'NO-SUCH-ITEM'`);
    expect(n).toBe(0);
  });

  it('stops the clock for an allowed reason, refuses and records any other (不得违规暂停计时), and resumes it', async () => {
    const { body: a } = await post('/applications').send(valid()).expect(201);
    const illegal = await post(`/applications/${a.id}/clock-stops`).send({ reason: '专家评审' }).expect(422);
    expect(illegal.body.message).toContain('reason 专家评审 is not a clock-stop item JS-SGXK-001 allows (allowed: 补正材料)');
    const afterIllegal = (await get(`/applications/${a.id}`).expect(200)).body;
    expect(afterIllegal).toMatchObject({ illegalClockStopAttempts: 1, clockStops: [] });
    const [attempt] = await db.query(`SELECT type FROM outbox_events WHERE subject = $1 AND type = $2`, [a.id, ApprovalEventTypes.illegalClockStopAttempted]);
    expect(attempt).toBeTruthy();
    const report = await get('/applications/illegal-clock-stop-attempts', auditor).query({ pageSize: 200 }).expect(200);
    expect(report.body.items.map((i: { id: string }) => i.id)).toContain(a.id);

    const stopped = await post(`/applications/${a.id}/clock-stops`).send({ reason: '补正材料', note: '缺少施工图审查合格书' }).expect(200);
    expect(stopped.body.clockStops).toEqual([expect.objectContaining({ reason: '补正材料', note: '缺少施工图审查合格书', to: null })]);
    expect(stopped.body.timing.clockStopped).toBe(true);
    await post(`/applications/${a.id}/clock-stops`).send({ reason: '补正材料' }).expect(409);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(409);
    await post(`/applications/${a.id}/clock-stops`).send({ reason: 'coffee' }).expect(400);
    await post(`/applications/${a.id}/clock-stops`, outsider).send({ reason: '补正材料' }).expect(404);
    const resumed = await post(`/applications/${a.id}/clock-stops/current/end`).expect(200);
    expect(resumed.body.clockStops[0].to).toEqual(expect.any(String));
    await post(`/applications/${a.id}/clock-stops/current/end`).expect(409);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
    const log = await get('/audit-log', auditor).query({ resourceType: 'application', resourceId: a.id }).expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'application.accepted',
      'application.illegal-clock-stop-attempted',
      'application.clock-stopped',
      'application.clock-resumed',
      'application.decided',
    ]);
  });

  it('shows the supervising department’s feedback when supervision.feedback-given.v1 arrives, once', async () => {
    const { body: a } = await post('/applications').send(valid()).expect(201);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
    const consumer = app.get(EventConsumer);
    const handler = app.get(SupervisionFeedbackGivenHandler);
    const feedback = (data: Partial<SupervisionFeedbackGivenV1> = {}): IntegrationEvent<SupervisionFeedbackGivenV1> => ({
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/supervision',
      type: SupervisionEventTypes.feedbackGiven,
      time: new Date().toISOString(),
      subject: 'task-1',
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: { taskId: randomUUID(), applicationId: a.id, departmentCode: 'AS-ZJJ', outcome: '已现场核查', givenAt: '2026-03-09T03:00:00.000Z', ...data },
    });
    const given = feedback();
    expect(await consumer.handleOnce(given, handler)).toBe('applied');
    expect(await consumer.handleOnce(given, handler)).toBe('duplicate');
    const shown = (await get(`/applications/${a.id}`, supervisor).expect(200)).body;
    expect(shown.supervisionFeedback).toEqual({
      taskId: given.data.taskId,
      departmentCode: 'AS-ZJJ',
      outcome: '已现场核查',
      givenAt: '2026-03-09T03:00:00.000Z',
    });
    await expect(consumer.handleOnce(feedback({ departmentCode: 'AS-HBJ' }), handler)).rejects.toThrow('its supervising department is AS-ZJJ');
    await expect(consumer.handleOnce(feedback({ applicationId: randomUUID() }), handler)).rejects.toThrow(PermanentEventError);
    await expect(consumer.handleOnce(feedback({ outcome: '' }), handler)).rejects.toThrow('lacks outcome');
    // feedback on a 风险预警 follows no application: consumed, nothing written, nothing parked
    await expect(consumer.handleOnce(feedback({ source: 'risk-warning', applicationId: '', sourceRef: 'RW-1' }), handler)).resolves.toBe('applied');
    expect((await get(`/applications/${a.id}`, supervisor).expect(200)).body.supervisionFeedback.taskId).toBe(given.data.taskId);
  });

  it('revokes an approval (撤销) once, with its source and reason, and announces it', async () => {
    const { body: a } = await post('/applications').send(valid()).expect(201);
    await post(`/applications/${a.id}/revocation`).send({ source: '自行纠错', reason: '发现审批错误' }).expect(409);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
    await post(`/applications/${a.id}/revocation`).send({ source: '随便', reason: 'x' }).expect(400);
    await post(`/applications/${a.id}/revocation`).send({ source: '自行纠错', reason: '  ' }).expect(422);
    await post(`/applications/${a.id}/revocation`, supervisor).send({ source: '监管发现违法', reason: '现场核查不符' }).expect(403);
    const revoked = await post(`/applications/${a.id}/revocation`).send({ source: '监管发现违法', reason: '现场核查不符' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { source: '监管发现违法', reason: '现场核查不符' } });
    await post(`/applications/${a.id}/revocation`).send({ source: '自行纠错', reason: '再次' }).expect(409);
    const [row] = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2', [a.id, ApprovalEventTypes.revoked]);
    expect(row.envelope.data).toMatchObject({ applicationId: a.id, source: '监管发现违法', supervisingDepartmentCode: 'AS-ZJJ' });
    expect((await get('/applications').query({ projectCode: a.projectCode, status: 'revoked' }).expect(200)).body.total).toBe(1);
  });

  it('reports 办理用时 per department for a month, scoped to the caller', async () => {
    const { body: a } = await post('/applications').send(valid()).expect(201);
    await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
    const accepted = new Date(a.acceptedAt);
    const china = new Date(accepted.getTime() + 8 * 3600_000);
    const query = { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 };
    const mine = (await get('/applications/timing-report').query(query).expect(200)).body;
    expect(mine.period).toBe(`${query.year}-${String(query.month).padStart(2, '0')}`);
    const row = mine.departments.find((d: { departmentCode: string }) => d.departmentCode === 'AS-XZSPJ');
    expect(row.accepted).toBeGreaterThanOrEqual(1);
    expect(row.decided).toBeGreaterThanOrEqual(1);
    expect(row.maxUsedWorkingDays).toBeGreaterThanOrEqual(0);
    expect(row.withinLimitShare).toBeGreaterThan(0);
    // another department sees none of AS-XZSPJ's applications
    const theirs = (await get('/applications/timing-report', outsider).query(query).expect(200)).body;
    expect(theirs.departments.map((d: { departmentCode: string }) => d.departmentCode)).not.toContain('AS-XZSPJ');
    await get('/applications/timing-report').query({ year: 1999 }).expect(400);
    await get('/applications/timing-report').query({ year: 2026, month: 13 }).expect(400);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    await post('/applications').set('content-type', 'application/json').send('{"projectCode":').expect(400);
    await post('/applications')
      .send({ ...valid(), itemCode: 'x'.repeat(3_000_000) })
      .expect(413);
  });

  it('decides once: a second decision is a conflict; rejection needs a reason', async () => {
    const { body: a } = await post('/applications').send(valid()).expect(201);
    const missingReason = await post(`/applications/${a.id}/decision`).send({ decision: 'rejected' }).expect(400);
    expect(missingReason.body.errors[0].field).toBe('reason');
    await post(`/applications/${a.id}/decision`).send({ decision: 'rejected', reason: '材料不全' }).expect(200);
    const again = await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(409);
    expect(again.body.message).toContain('already rejected');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = $2', [a.id, ApprovalEventTypes.decided]);
    expect(n).toBe(1);
  });

  it('answers 404 for an unknown application and 400 for a malformed id', async () => {
    await get('/applications/00000000-0000-4000-8000-000000000000').expect(404);
    await get('/applications/not-a-uuid').expect(400);
  });

  it('lists with filters and paging', async () => {
    const body = acceptApplicationRequest(await registerProject(app, `${projectCode}-list`));
    await post('/applications').send(body).expect(201);
    await post('/applications').send(body).expect(201);
    const res = await get('/applications').query({ projectCode: body.projectCode, pageSize: 1 }).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(res.body.items).toHaveLength(1);
    await get('/applications').query({ pageSize: 1000 }).expect(400);
  });

  it('serves OpenAPI at /docs and health with every dependency', async () => {
    const doc = await http().get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/applications', '/applications/{id}/decision', '/health']));
    const health = await healthyService(app);
    expect(Object.keys(health.details).sort()).toEqual(['database', 'kafka', 'temporal']);
    await http()
      .get('/metrics')
      .expect(200)
      .expect(/outbox_events_published_total/);
  });

  describe('security', () => {
    it('refuses a request without a token or with a forged one (401)', async () => {
      await http().get('/applications').expect(401);
      await http().get('/applications').set('authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln').expect(401);
    });

    it('keeps each department to its own applications (谁审批谁负责)', async () => {
      const { body: a } = await post('/applications').send(valid()).expect(201);
      // another department neither sees it nor can act on it, and learns nothing of its existence
      await get(`/applications/${a.id}`, outsider).expect(404);
      await post(`/applications/${a.id}/decision`, outsider).send({ decision: 'approved' }).expect(404);
      const list = await get('/applications', outsider).query({ projectCode: a.projectCode }).expect(200);
      expect(list.body.total).toBe(0);
      // nor accept one in another department's name
      await post('/applications', outsider).send(valid()).expect(403);
      // the supervising department may read it but not decide it
      await get(`/applications/${a.id}`, supervisor).expect(200);
      await post(`/applications/${a.id}/decision`, supervisor).send({ decision: 'approved' }).expect(403);
      // auditors read everything, change nothing
      await get(`/applications/${a.id}`, auditor).expect(200);
      await post(`/applications/${a.id}/decision`, auditor).send({ decision: 'approved' }).expect(403);
    });

    it('records every state change in a hash-chained, append-only audit log', async () => {
      const { body: a } = await post('/applications').send(valid()).expect(201);
      await post(`/applications/${a.id}/decision`).send({ decision: 'approved' }).expect(200);
      const log = await get('/audit-log', auditor).query({ resourceType: 'application', resourceId: a.id }).expect(200);
      expect(log.body.items.map((e: any) => [e.action, e.actorUserId, e.before?.status ?? null, e.after.status])).toEqual([
        ['application.accepted', 'spj-officer', null, 'accepted'],
        ['application.decided', 'spj-officer', 'accepted', 'approved'],
      ]);
      await get('/audit-log', officer).expect(403);
      const verified = await get('/audit-log/verify', auditor).expect(200);
      expect(verified.body).toMatchObject({ valid: true });
      expect(verified.body.entries).toBeGreaterThanOrEqual(2);

      await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE resource_id = $1`, [a.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log WHERE resource_id = $1`, [a.id])).rejects.toThrow(/append-only/);
    });

    it('keeps one hash chain per share of the resources: each entry links to the one before it in its chain, all of a resource in one', async () => {
      const accepted = await Promise.all(Array.from({ length: 12 }, () => post('/applications').send(valid()).expect(201)));
      const ids = accepted.map((r) => r.body.id as string);
      const rows: { seq: string; chain: number; resource_id: string; prev_hash: string; hash: string }[] = await db.query(
        'SELECT seq, chain, resource_id, prev_hash, hash FROM audit_log ORDER BY seq',
      );
      const heads = new Map<number, string>();
      for (const row of rows) {
        expect(row.prev_hash).toBe(heads.get(row.chain) ?? '0'.repeat(64));
        heads.set(row.chain, row.hash);
      }
      for (const id of ids) {
        const chains = new Set(rows.filter((r) => r.resource_id === id).map((r) => r.chain));
        expect([...chains]).toEqual([auditChainOf('application', id)]);
      }
      expect(new Set(ids.map((id) => auditChainOf('application', id))).size).toBeGreaterThan(1);
      const verified = await get('/audit-log/verify', auditor).expect(200);
      expect(verified.body).toMatchObject({ valid: true });
      expect(verified.body.entries).toBeGreaterThanOrEqual(rows.length);
      expect(verified.body.chains).toBeGreaterThanOrEqual(heads.size);
    });

    it('lets a change append to another chain while one holds a chain’s lock, and makes a change to the same chain wait for its commit', async () => {
      const inChain = (chain: number) => {
        for (let i = 0; ; i++) if (auditChainOf('lock-test', `r-${i}`) === chain) return `r-${i}`;
      };
      const holder = db.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await app.get(AuditTrail).record(holder.manager, { action: 'lock-test.held', resourceType: 'lock-test', resourceId: inChain(3) });
        const append = (resourceId: string) =>
          db.transaction((manager) => app.get(AuditTrail).record(manager, { action: 'lock-test.appended', resourceType: 'lock-test', resourceId }));
        await append(inChain(4)); // another chain: does not wait
        let sameChainDone = false;
        const sameChain = append(inChain(3)).then(() => (sameChainDone = true));
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(sameChainDone).toBe(false);
        await holder.commitTransaction();
        await sameChain;
        const [held, after] = await db
          .query(`SELECT prev_hash, hash FROM audit_log WHERE resource_type = 'lock-test' AND chain = 3 ORDER BY seq DESC LIMIT 2`)
          .then((r: any[]) => r.reverse());
        expect(after.prev_hash).toBe(held.hash);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      await expect(app.get(AuditTrail).verify()).resolves.toMatchObject({ valid: true });
    });

    it('detects an entry altered behind the triggers’ back', async () => {
      const { body: a } = await post('/applications').send(valid()).expect(201);
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
        await runner.query(`UPDATE audit_log SET actor_user_id = 'someone-else' WHERE resource_id = $1`, [a.id]);
        const [{ seq }] = await runner.query(`SELECT seq FROM audit_log WHERE resource_id = $1`, [a.id]);
        const report = await app.get(AuditTrail).verify(1000, runner.manager);
        expect(report).toMatchObject({ valid: false, brokenAtSeq: String(seq), reason: 'entry content does not match its hash' });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });
});
