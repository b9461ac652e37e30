import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { WorkingDayCalendar } from '@cityworks/calendar';
import {
  ApplicationAcceptedV1,
  ApprovalEventTypes,
  CalendarArrangementLoadedV1,
  CatalogEventTypes,
  CatalogItemChangedV1,
  ComplaintEventTypes,
  IntegrationEvent,
  Roles,
  Topics,
} from '@cityworks/contracts';
import { CalendarArrangementHandler } from '@cityworks/calendar-sync';
import { EventConsumer, KAFKA, PermanentEventError, physicalTopic } from '@cityworks/messaging';
import { Kafka } from 'kafkajs';
import * as fs from 'node:fs';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { bearer, healthyService, isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { AppModule } from './app.module';
import { ComplaintsActivitiesImpl } from './activities/complaints.activities';
import { CatalogItemChangedHandler } from './routing/catalog-item-changed.handler';
import { ApplicationAcceptedHandler } from './routing/application-accepted.handler';
import { complaintDeadlines, DEFAULT_COMPLAINT_DEADLINES } from './complaints/complaint-deadlines';

/** The real service against the real Postgres (cityworks_test), Kafka (test.* topics) and Temporal. */
describe('complaints service', () => {
  let app: INestApplication;
  let db: DataSource;
  // a department of its own, so lists see only this run's complaints
  const departmentCode = `T-${process.pid}-${Date.now().toString(36)}`;
  const HANDLER = bearer({ userId: 'handler-1', departmentCode, roles: [Roles.complaintHandler] });
  const OTHER_HANDLER = bearer({ userId: 'handler-2', departmentCode: 'AS-STHJJ', roles: [Roles.complaintHandler] });
  const REFORM_OFFICE = bearer({ userId: 'gongaiban-1', departmentCode: 'GGB', roles: [Roles.reformOffice] });
  const AUDITOR = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  // the national platform's bridge (按属地、部门职能推送)
  const SYSTEM = bearer({ userId: 'national-platform-bridge', departmentCode: 'AS-12345', roles: [Roles.system] });
  /** a handler of the handling department unless told otherwise */
  const http = (token = HANDLER) => {
    const agent = request(app.getHttpServer());
    return {
      get: (url: string) => agent.get(url).set('authorization', token),
      post: (url: string) => agent.post(url).set('authorization', token),
    };
  };
  /** an approval item of this run, listed by 鞍山市 (210300): its 实施部门 and 监管部门 are this run's department */
  const ITEM = `${departmentCode}-SGXK`;
  const envelope = <T>(type: string, subject: string, data: T): IntegrationEvent<T> =>
    ({
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/test',
      type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    }) as IntegrationEvent<T>;
  /** catalog.item-changed.v1 of an approval item version, through the inbox as Kafka would bring it */
  const listItem = async (code: string, regionCode: string, implementing: string, supervising: string, over: Partial<CatalogItemChangedV1> = {}) => {
    const version = over.version ?? 1;
    const change = over.change ?? 'published';
    const effectiveFrom = over.effectiveFrom ?? '2020-01-01';
    const snapshot = {
      code,
      regionCode,
      version,
      effectiveFrom,
      retired: change === 'retired',
      departmentCode: implementing,
      supervisingDepartmentCode: supervising,
    };
    const data = {
      kind: 'approval-item',
      code,
      name: code,
      regionCode,
      version,
      effectiveFrom,
      change,
      changedFields: [],
      flaggedRegionCodes: [],
      occurredAt: new Date().toISOString(),
      snapshot,
      ...over,
    };
    return app
      .get(EventConsumer)
      .handleOnce(envelope(CatalogEventTypes.itemChanged, `approval-item:${code}`, data as CatalogItemChangedV1), app.get(CatalogItemChangedHandler));
  };
  const PHONE = '13812345678';
  const NAME = '王女士';
  const CONTENT = '某工地夜间施工噪声扰民，已持续一周';

  const complaint = (over: Record<string, unknown> = {}) => ({
    channel: '12345',
    category: 'environment',
    regionCode: '210302',
    itemCode: ITEM,
    subjectUscc: '91350100M000100Y43',
    projectCode: '2026-210302-47-01-000123',
    content: CONTENT,
    complainant: { name: NAME, phone: PHONE },
    ...over,
  });
  const outboxOf = (id: string): Promise<{ type: string; envelope: IntegrationEvent<any>; published_at: Date | null }[]> =>
    db.query(`SELECT type, envelope, published_at FROM outbox_events WHERE subject = $1 ORDER BY created_at`, [id]);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    await listItem(ITEM, '210300', departmentCode, departmentCode);
  });
  afterAll(() => app?.close());

  it('receives a complaint with working-day deadlines and announces it with ids only', async () => {
    const res = await http().post('/complaints').send(complaint()).expect(201);
    const c = res.body;
    expect(c).toMatchObject({ channel: '12345', departmentCode, status: 'received', anonymous: false, acknowledgedAt: null, answeredAt: null });
    expect(c).not.toHaveProperty('complainant');
    const expected = complaintDeadlines(new WorkingDayCalendar(), new Date(c.receivedAt), DEFAULT_COMPLAINT_DEADLINES);
    expect(c.acknowledgeDueAt).toBe(expected.acknowledgeDueAt.toISOString());
    expect(c.answerDueAt).toBe(expected.answerDueAt.toISOString());

    const [event] = await outboxOf(c.id);
    expect(event.envelope).toMatchObject({
      type: ComplaintEventTypes.received,
      subject: c.id,
      data: { complaintId: c.id, departmentCode, regionCode: '210302', answerDueAt: c.answerDueAt },
    });
    for (const secret of [PHONE, NAME, CONTENT]) expect(JSON.stringify(event.envelope)).not.toContain(secret);
    await waitFor('the relay to publish the event', async () => (await outboxOf(c.id))[0].published_at, { timeoutMs: 10000 });
  });

  it('shows the complainant in the detail only, never in lists', async () => {
    const { body: created } = await http()
      .post('/complaints')
      .send(complaint({ complainant: { name: NAME, phone: PHONE, email: 'wang@example.com' } }))
      .expect(201);
    const list = await http().get('/complaints').query({ departmentCode }).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
    expect(JSON.stringify(list.body)).not.toContain(NAME);

    const detail = await http().get(`/complaints/${created.id}`).expect(200);
    expect(detail.body).toMatchObject({
      id: created.id,
      content: CONTENT,
      complainantMasked: false,
      complainant: { name: NAME, phone: PHONE, email: 'wang@example.com' },
    });

    // the reform office reads who raised it; auditors only masked
    expect((await http(REFORM_OFFICE).get(`/complaints/${created.id}`).expect(200)).body).toMatchObject({
      complainant: { name: NAME, phone: PHONE },
      complainantMasked: false,
    });
    const audited = await http(AUDITOR).get(`/complaints/${created.id}`).expect(200);
    expect(audited.body).toMatchObject({
      id: created.id,
      complainant: { name: '王**', phone: '138****5678', email: 'w***@example.com' },
      complainantMasked: true,
    });
    expect(JSON.stringify(audited.body)).not.toContain(PHONE);
    // another department does not see it at all
    await http(OTHER_HANDLER).get(`/complaints/${created.id}`).expect(404);
    expect((await http(OTHER_HANDLER).get('/complaints').query({ departmentCode }).expect(200)).body.total).toBe(0);
  });

  it('takes an anonymous report (匿名举报)', async () => {
    const { body } = await http()
      .post('/complaints')
      .send(complaint({ complainant: undefined, channel: 'web' }))
      .expect(201);
    expect(body.anonymous).toBe(true);
    expect((await http().get(`/complaints/${body.id}`).expect(200)).body).toMatchObject({ complainant: null, complainantMasked: false });
  });

  it('goes received → acknowledged → answered, refusing illegal steps with 409', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);

    const early = await http().post(`/complaints/${c.id}/answer`).send({ answer: '已处理' }).expect(409);
    expect(early.body.message).toBe(`complaint ${c.id} must be acknowledged before it is answered`);

    const acked = await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', answeredAt: null });
    expect(new Date(acked.body.acknowledgedAt).getTime()).toBeGreaterThanOrEqual(new Date(c.receivedAt).getTime());
    expect((await http().post(`/complaints/${c.id}/acknowledge`).expect(409)).body.message).toBe(
      `complaint ${c.id} is already acknowledged; it cannot be acknowledged again`,
    );

    const answered = await http().post(`/complaints/${c.id}/answer`).send({ answer: '经现场核查，已责令停止夜间施工' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: '经现场核查，已责令停止夜间施工' });
    expect(answered.body.answeredAt).toBeTruthy();
    expect((await http().post(`/complaints/${c.id}/answer`).send({ answer: '再次答复' }).expect(409)).body.message).toContain('is already answered');
    expect((await http().post(`/complaints/${c.id}/acknowledge`).expect(409)).body.message).toContain('is already answered');

    const events = await outboxOf(c.id);
    expect(events.map((e) => e.type)).toEqual([ComplaintEventTypes.received, ComplaintEventTypes.acknowledged, ComplaintEventTypes.answered]);
    expect(events[1].envelope.data).toMatchObject({ complaintId: c.id, onTime: true });
    expect(events[2].envelope.data).toMatchObject({ complaintId: c.id, onTime: true });
    expect(JSON.stringify(events[2].envelope)).not.toContain('夜间施工');

    const audit = await http(AUDITOR).get('/audit-log').query({ resourceType: 'complaint', resourceId: c.id }).expect(200);
    expect(audit.body.items.map((e: { action: string; actorUserId: string }) => [e.action, e.actorUserId])).toEqual([
      ['complaint.received', 'handler-1'],
      ['complaint.acknowledged', 'handler-1'],
      ['complaint.answered', 'handler-1'],
    ]);
    for (const secret of [PHONE, NAME, CONTENT, '夜间施工']) expect(JSON.stringify(audit.body)).not.toContain(secret);
    // the transitions left the complainant in place
    expect((await http().get(`/complaints/${c.id}`).expect(200)).body.complainant).toMatchObject({ phone: PHONE });
  });

  it('starts the complaint’s workflow on receipt and tells it of each step, with nothing personal in the commands', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);
    await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
    await http().post(`/complaints/${c.id}/answer`).send({ answer: '经现场核查，已责令停止夜间施工' }).expect(200);
    const commands: { kind: string; command: { signal?: string; args: unknown[]; searchAttributes?: unknown } }[] = await db.query(
      `SELECT kind, command FROM workflow_commands WHERE workflow_id = $1 ORDER BY seq`,
      [`complaint-${c.id}`],
    );
    expect(commands.map((x) => [x.kind, x.command.signal ?? null])).toEqual([
      ['start', null],
      ['signal', 'complaintAcknowledged'],
      ['signal', 'complaintAnswered'],
    ]);
    expect(commands[0].command.args[0]).toMatchObject({
      complaintId: c.id,
      departmentCode,
      acknowledgeDueAt: c.acknowledgeDueAt,
      answerDueAt: c.answerDueAt,
      ladder: { answerWarningLeadWorkingDays: 3, reminderGraceWorkingDays: 3, escalationGraceWorkingDays: 3 },
    });
    for (const secret of [PHONE, NAME, CONTENT]) expect(JSON.stringify(commands)).not.toContain(secret);
    // the relay delivers them to Temporal once committed
    const handle = app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(`complaint-${c.id}`);
    const described = await waitFor('the workflow to start', () => handle.describe().catch(() => undefined));
    expect(described.searchAttributes).toMatchObject({ ObligationKind: ['complaint'], DepartmentCode: [departmentCode] });
  });

  it('counts 有诉必应 per department and category for the month received: on time, late (missed or overdue) and open', async () => {
    const dept = `${departmentCode}-S`;
    await listItem(`${dept}-ITEM`, '210300', dept, dept);
    const handlerS = bearer({ userId: 'handler-s', departmentCode: dept, roles: [Roles.complaintHandler] });
    const file = async (category: string) =>
      (
        await http()
          .post('/complaints')
          .send(complaint({ itemCode: `${dept}-ITEM`, category }))
          .expect(201)
      ).body;
    const answered = await file('environment');
    await http(handlerS).post(`/complaints/${answered.id}/acknowledge`).expect(200);
    await http(handlerS).post(`/complaints/${answered.id}/answer`).send({ answer: '已处理' }).expect(200);
    const overdue = await file('environment');
    // its acknowledgement deadline has passed unmet (set back, as if days had gone by)
    await db.query(`UPDATE complaints SET acknowledge_due_at = now() - interval '1 day' WHERE id = $1`, [overdue.id]);
    await file('approval-service');
    const [year, month] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);

    // rated: one satisfied, one reopened then satisfied with the review — both count as satisfied; one unsatisfied and reopened under review
    const rated = async (first: 'satisfied' | 'unsatisfied', review?: 'satisfied') => {
      const c = await file('approval-service');
      await http(handlerS).post(`/complaints/${c.id}/acknowledge`).expect(200);
      await http(handlerS).post(`/complaints/${c.id}/answer`).send({ answer: '已处理' }).expect(200);
      await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: first }).expect(200);
      if (review) {
        await http(REFORM_OFFICE).post(`/complaints/${c.id}/review-answer`).send({ answer: '经复核' }).expect(200);
        await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: review }).expect(200);
      }
    };
    await rated('satisfied');
    await rated('unsatisfied', 'satisfied');
    await rated('unsatisfied');

    const stats = (await http(handlerS).get('/complaints/statistics').query({ year, month }).expect(200)).body;
    const zero = {
      acknowledgedOnTime: 0,
      acknowledgedLate: 0,
      answeredOnTime: 0,
      answeredLate: 0,
      late: 0,
      open: 0,
      reopened: 0,
      satisfied: 0,
      unsatisfied: 0,
    };
    expect(stats.rows).toEqual([
      {
        ...zero,
        departmentCode: dept,
        kind: 'approval-service',
        category: 'approval-service',
        received: 4,
        acknowledgedOnTime: 3,
        answeredOnTime: 3,
        open: 1,
        reopened: 2,
        satisfied: 2,
        unsatisfied: 1,
        satisfactionRate: 0.667,
      },
      {
        ...zero,
        departmentCode: dept,
        kind: 'violation-report',
        category: 'environment',
        received: 2,
        acknowledgedOnTime: 1,
        acknowledgedLate: 1,
        answeredOnTime: 1,
        late: 1,
        open: 1,
        satisfactionRate: null,
      },
    ]);
    // another department sees none of it; the 工改办 sees it when it asks for the department
    expect((await http(OTHER_HANDLER).get('/complaints/statistics').query({ year, month, departmentCode: dept }).expect(200)).body.rows).toEqual([]);
    expect((await http(REFORM_OFFICE).get('/complaints/statistics').query({ year, month, departmentCode: dept }).expect(200)).body.rows).toHaveLength(2);
    expect(
      (
        await http(REFORM_OFFICE)
          .get('/complaints/statistics')
          .query({ year: year - 1, departmentCode: dept })
          .expect(200)
      ).body.rows,
    ).toEqual([]);
    await http().get('/complaints/statistics').query({ year, month: 13 }).expect(400);
    await http().get('/complaints/statistics').expect(400);
  });

  it('filters by status, department and region, and pages', async () => {
    const dept = `${departmentCode}-F`;
    await listItem(`${dept}-ITEM`, '210300', dept, dept);
    const handlerF = bearer({ userId: 'handler-f', departmentCode: dept, roles: [Roles.complaintHandler] });
    const a = (
      await http()
        .post('/complaints')
        .send(complaint({ itemCode: `${dept}-ITEM`, regionCode: '210303' }))
        .expect(201)
    ).body;
    await http()
      .post('/complaints')
      .send(complaint({ itemCode: `${dept}-ITEM`, regionCode: '210304' }))
      .expect(201);
    await http(handlerF).post(`/complaints/${a.id}/acknowledge`).expect(200);

    expect((await http(handlerF).get('/complaints').expect(200)).body.total).toBe(2);
    // a handler asking for another department's list gets nothing
    expect((await http(handlerF).get('/complaints').query({ departmentCode }).expect(200)).body.total).toBe(0);
    expect((await http(REFORM_OFFICE).get('/complaints').query({ departmentCode: dept }).expect(200)).body.total).toBe(2);
    const acknowledged = (await http(handlerF).get('/complaints').query({ departmentCode: dept, status: 'acknowledged' }).expect(200)).body;
    expect(acknowledged).toMatchObject({ total: 1, items: [{ id: a.id }] });
    expect((await http(handlerF).get('/complaints').query({ departmentCode: dept, regionCode: '210304' }).expect(200)).body.items[0].regionCode).toBe('210304');
    expect((await http(handlerF).get('/complaints').query({ departmentCode: dept, pageSize: 1, page: 2 }).expect(200)).body).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      items: [{}],
    });
  });

  describe('routing by 属地 and duty from the catalog copy', () => {
    const X = `${departmentCode}-X`;
    const d = (name: string) => `${departmentCode}-${name}`;
    beforeAll(async () => {
      // 鞍山市 lists X (行政审批局 implements, 住建局 supervises); 铁东区 keeps its own version
      await listItem(X, '210300', d('XZSPJ'), d('ZJJ'));
      await listItem(X, '210302', d('TD-XZSPJ'), d('TD-ZJJ'), { effectiveFrom: '2021-01-01' });
    });
    const file = async (over: Record<string, unknown>) => (await http().post('/complaints').send(complaint(over)).expect(201)).body;

    it('sends a violation report to the item’s supervising department in the region’s own list, 审批服务 and suggestions to the implementing one', async () => {
      expect(await file({ itemCode: X, category: 'construction-quality' })).toMatchObject({ departmentCode: d('TD-ZJJ'), routedBy: 'item', itemCode: X });
      expect(await file({ itemCode: X, regionCode: '210303', category: 'wage-arrears' })).toMatchObject({ departmentCode: d('ZJJ'), routedBy: 'item' });
      expect(await file({ itemCode: X, regionCode: '210303', category: 'approval-service' })).toMatchObject({
        departmentCode: d('XZSPJ'),
        kind: 'approval-service',
      });
      expect(await file({ itemCode: X, kind: 'suggestion', category: 'other' })).toMatchObject({ departmentCode: d('TD-XZSPJ'), routedBy: 'item' });
    });

    it('routes a complaint naming only a project by the item of its latest accepted application', async () => {
      const projectCode = `${departmentCode}-P`;
      const accepted = envelope<ApplicationAcceptedV1>(ApprovalEventTypes.applicationAccepted, randomUUID(), {
        applicationId: randomUUID(),
        projectCode,
        itemCode: X,
        departmentCode: d('TD-XZSPJ'),
        regionCode: '210302',
        acceptedAt: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(await app.get(EventConsumer).handleOnce(accepted, app.get(ApplicationAcceptedHandler))).toBe('applied');
      expect(await file({ itemCode: undefined, projectCode, category: 'construction-safety' })).toMatchObject({
        departmentCode: d('TD-ZJJ'),
        routedBy: 'project',
        itemCode: X,
      });
    });

    it('sends what nobody claims to the territory’s 工改办, and refuses a region outside every territory', async () => {
      expect(await file({ itemCode: d('UNLISTED'), projectCode: undefined })).toMatchObject({
        departmentCode: 'AS-TD-GGB',
        routedBy: 'reform-office',
        itemCode: null,
      });
      expect(await file({ itemCode: undefined, projectCode: undefined, regionCode: '210303' })).toMatchObject({
        departmentCode: 'AS-GGB',
        routedBy: 'reform-office',
      });
      // an item the city retired claims nothing in its districts without a list of their own
      await listItem(X, '210300', d('XZSPJ'), d('ZJJ'), { version: 2, change: 'retired', effectiveFrom: '2021-06-01' });
      expect(await file({ itemCode: X, regionCode: '210304' })).toMatchObject({ departmentCode: 'AS-GGB', routedBy: 'reform-office' });
      const outside = await http()
        .post('/complaints')
        .send(complaint({ regionCode: '110101' }))
        .expect(422);
      expect(outside.body.message).toMatch(/^regionCode 110101 lies outside every territory with a 工改办/);
    });

    it('parks a catalog event without the version’s departments, and an accepted application without its item, writing nothing', async () => {
      const bare = await listItem(d('BARE'), '210300', d('XZSPJ'), d('ZJJ'), { snapshot: undefined }).catch((e: Error) => e);
      expect(bare).toBeInstanceOf(PermanentEventError);
      expect((bare as Error).message).toMatch(/carries no snapshot of the version; complaints cannot route on it/);
      const partial = await listItem(d('PART'), '210300', '', d('ZJJ')).catch((e: Error) => e);
      expect((partial as Error).message).toMatch(/the snapshot lacks or breaks departmentCode$/);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM complaint_item_versions WHERE code = ANY($1)`, [[d('BARE'), d('PART')]]);
      expect(n).toBe(0);
      const noItem = envelope(ApprovalEventTypes.applicationAccepted, randomUUID(), {
        applicationId: randomUUID(),
        projectCode: 'P',
        regionCode: '210302',
        acceptedAt: new Date().toISOString(),
      });
      await expect(app.get(EventConsumer).handleOnce(noItem as IntegrationEvent<ApplicationAcceptedV1>, app.get(ApplicationAcceptedHandler))).rejects.toThrow(
        /lacks itemCode/,
      );
    });

    it('transfers a misrouted complaint with its reason: history kept, deadlines unchanged, the workflow told', async () => {
      const c = await file({ itemCode: X, category: 'environment' });
      const handlerTD = bearer({ userId: 'handler-td', departmentCode: d('TD-ZJJ'), roles: [Roles.complaintHandler] });
      const handlerEnv = bearer({ userId: 'handler-env', departmentCode: d('STHJJ'), roles: [Roles.complaintHandler] });
      await http(handlerTD).post(`/complaints/${c.id}/acknowledge`).expect(200);
      const same = await http(handlerTD)
        .post(`/complaints/${c.id}/transfer`)
        .send({ toDepartmentCode: d('TD-ZJJ'), reason: '本部门' })
        .expect(422);
      expect(same.body.message).toBe(`complaint ${c.id} is already with ${d('TD-ZJJ')}; a transfer goes to another department`);
      expect(
        (
          await http(handlerTD)
            .post(`/complaints/${c.id}/transfer`)
            .send({ toDepartmentCode: d('STHJJ'), reason: '  ' })
            .expect(400)
        ).body.errors[0].field,
      ).toBe('reason');
      const moved = (
        await http(handlerTD)
          .post(`/complaints/${c.id}/transfer`)
          .send({ toDepartmentCode: d('STHJJ'), reason: '扬尘污染属生态环境部门职责' })
          .expect(200)
      ).body;
      expect(moved).toMatchObject({ departmentCode: d('STHJJ'), acknowledgeDueAt: c.acknowledgeDueAt, answerDueAt: c.answerDueAt, receivedAt: c.receivedAt });
      // the department it left no longer sees it; the new one does, with the history
      await http(handlerTD).get(`/complaints/${c.id}`).expect(404);
      const detail = (await http(handlerEnv).get(`/complaints/${c.id}`).expect(200)).body;
      expect(detail.transfers).toEqual([
        { fromDepartmentCode: d('TD-ZJJ'), toDepartmentCode: d('STHJJ'), reason: '扬尘污染属生态环境部门职责', transferredAt: expect.any(String) },
      ]);
      const transferred = (await outboxOf(c.id)).find((e) => e.type === ComplaintEventTypes.transferred);
      expect(transferred?.envelope.data).toEqual({
        complaintId: c.id,
        fromDepartmentCode: d('TD-ZJJ'),
        toDepartmentCode: d('STHJJ'),
        transferredAt: expect.any(String),
      });
      const [signal] = await db.query(`SELECT command FROM workflow_commands WHERE workflow_id = $1 AND command->>'signal' = 'complaintTransferred'`, [
        `complaint-${c.id}`,
      ]);
      expect(signal.command.args).toEqual([{ toDepartmentCode: d('STHJJ'), at: expect.any(String) }]);
      await http(handlerEnv).post(`/complaints/${c.id}/answer`).send({ answer: '已责令覆盖裸土' }).expect(200);
      const late = await http(handlerEnv)
        .post(`/complaints/${c.id}/transfer`)
        .send({ toDepartmentCode: d('ZJJ'), reason: '再转' })
        .expect(409);
      expect(late.body.message).toBe(`complaint ${c.id} is already answered; only a complaint not yet answered can be transferred`);
    });
  });

  describe('rating, one reopening for the 工改办’s review, and the finding', () => {
    const answeredComplaint = async (over: Record<string, unknown> = {}) => {
      const { body: c } = await http().post('/complaints').send(complaint(over)).expect(201);
      await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
      return (await http().post(`/complaints/${c.id}/answer`).send({ answer: '经现场核查，已责令停止夜间施工' }).expect(200)).body;
    };
    // the 铁东区 工改办's complaint handler (COMPLAINT_REFORM_OFFICES' default)
    const TD_GGB = bearer({ userId: 'td-ggb-1', departmentCode: 'AS-TD-GGB', roles: [Roles.complaintHandler] });

    it('reopens once on an unsatisfied rating, for the 工改办 to review by its own deadline; a second reopening is refused by the rule', async () => {
      const c = await answeredComplaint();
      expect(c.ratingDueAt).toBeTruthy();
      await http().post(`/complaints/${c.id}/rating`).send({ rating: 'unsatisfied' }).expect(403); // the channel relays ratings, not the department
      const reopened = (await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'unsatisfied' }).expect(200)).body;
      expect(reopened).toMatchObject({ answerRating: 'unsatisfied', reviewDepartmentCode: 'AS-TD-GGB', reviewAnsweredAt: null, answerDueAt: c.answerDueAt });
      expect(new Date(reopened.reviewDueAt).getTime()).toBeGreaterThan(new Date(reopened.reopenedAt).getTime());
      expect((await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'satisfied' }).expect(409)).body.message).toMatch(
        /under review by the 工改办/,
      );
      // the handling department may not answer the review; the 工改办 lists and answers it
      expect(
        (await http(TD_GGB).get('/complaints').query({ departmentCode: 'AS-TD-GGB', pageSize: 100 }).expect(200)).body.items.map((x: { id: string }) => x.id),
      ).toContain(c.id);
      await http().post(`/complaints/${c.id}/review-answer`).send({ answer: '复核' }).expect(403);
      const reviewed = (await http(TD_GGB).post(`/complaints/${c.id}/review-answer`).send({ answer: '经复核，已督促加强夜间巡查' }).expect(200)).body;
      expect(reviewed).toMatchObject({ reviewAnswer: '经复核，已督促加强夜间巡查' });
      await http(TD_GGB).post(`/complaints/${c.id}/review-answer`).send({ answer: '再复核' }).expect(409);
      const again = await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'unsatisfied' }).expect(422);
      expect(again.body.message).toBe(
        `complaint ${c.id} was already reopened once; a complaint is reopened only once (复核以一次为限): the 工改办’s review answer is final`,
      );
      expect((await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'satisfied' }).expect(200)).body.reviewRating).toBe('satisfied');

      const events = await outboxOf(c.id);
      expect(events.filter((e) => e.type === ComplaintEventTypes.reopened).map((e) => e.envelope.data)).toEqual([
        { complaintId: c.id, departmentCode, reopenedAt: reopened.reopenedAt, reviewDueAt: reopened.reviewDueAt },
      ]);
      const signals: { command: { signal: string; args: unknown[] } }[] = await db.query(
        `SELECT command FROM workflow_commands WHERE workflow_id = $1 AND kind = 'signal' ORDER BY seq`,
        [`complaint-${c.id}`],
      );
      expect(signals.map((x) => x.command.signal)).toEqual(['complaintAcknowledged', 'complaintAnswered', 'complaintReopened', 'complaintReviewAnswered']);
      expect(signals[1].command.args[0]).toEqual({ at: c.answeredAt, ratingDueAt: c.ratingDueAt });
      expect(signals[2].command.args[0]).toEqual({ reviewDepartmentCode: 'AS-TD-GGB', reviewDueAt: reopened.reviewDueAt, at: reopened.reopenedAt });
    });

    it('a satisfied rating closes the matter: rated once, never reopened', async () => {
      const c = await answeredComplaint();
      expect((await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'satisfied' }).expect(200)).body).toMatchObject({
        answerRating: 'satisfied',
        reopenedAt: null,
      });
      expect((await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'unsatisfied' }).expect(409)).body.message).toBe(
        `complaint ${c.id}'s answer was already rated satisfied; each answer is rated once`,
      );
      await http(SYSTEM).post(`/complaints/${c.id}/rating`).send({ rating: 'meh' }).expect(400);
    });

    it('a substantiated report is announced for the 专项检查 and the credit record; ids and codes only', async () => {
      const { body: c } = await http()
        .post('/complaints')
        .send(complaint({ category: 'construction-quality' }))
        .expect(201);
      expect((await http().post(`/complaints/${c.id}/finding`).send({ finding: 'substantiated' }).expect(409)).body.message).toBe(
        `complaint ${c.id} must be acknowledged before a finding is recorded`,
      );
      await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
      await http(OTHER_HANDLER).post(`/complaints/${c.id}/finding`).send({ finding: 'substantiated' }).expect(404);
      expect((await http().post(`/complaints/${c.id}/finding`).send({ finding: 'substantiated' }).expect(200)).body).toMatchObject({
        finding: 'substantiated',
      });
      await http().post(`/complaints/${c.id}/finding`).send({ finding: 'unsubstantiated' }).expect(409);
      const upheld = (await outboxOf(c.id)).find((e) => e.type === ComplaintEventTypes.upheld);
      expect(upheld?.envelope.data).toEqual({
        complaintId: c.id,
        category: 'construction-quality',
        regionCode: '210302',
        departmentCode,
        subjectUscc: '91350100M000100Y43',
        projectCode: '2026-210302-47-01-000123',
        itemCode: ITEM,
        upheldAt: expect.any(String),
      });
      for (const secret of [PHONE, NAME, CONTENT]) expect(JSON.stringify(upheld)).not.toContain(secret);
      // unsubstantiated: recorded, nothing announced; a suggestion has no finding
      const { body: other } = await http().post('/complaints').send(complaint()).expect(201);
      await http().post(`/complaints/${other.id}/acknowledge`).expect(200);
      await http().post(`/complaints/${other.id}/finding`).send({ finding: 'unsubstantiated' }).expect(200);
      expect((await outboxOf(other.id)).map((e) => e.type)).not.toContain(ComplaintEventTypes.upheld);
      const { body: idea } = await http()
        .post('/complaints')
        .send(complaint({ kind: 'suggestion', category: 'other' }))
        .expect(201);
      await http().post(`/complaints/${idea.id}/acknowledge`).expect(200);
      expect((await http().post(`/complaints/${idea.id}/finding`).send({ finding: 'substantiated' }).expect(422)).body.message).toMatch(/is a suggestion/);
    });
  });

  it('keeps the complainant’s identity from other departments, the database, the outbox and Kafka, the workflow commands, the audit log and the logs', async () => {
    const name = `赵${process.pid}先生`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const consumer = app.get<Kafka>(KAFKA).consumer({ groupId: `complaints-privacy-${randomUUID()}` });
    const payloads: string[] = [];
    const logged: string[] = [];
    // pino writes straight to the file descriptors; the test logs at warn, so turn it up to info meanwhile
    const keep = (fd: unknown, chunk: unknown) => (fd === 1 || fd === 2) && logged.push(String(chunk));
    const write = fs.write;
    const writeSync = fs.writeSync;
    const spies = [
      jest
        .spyOn(fs, 'write')
        .mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => (keep(fd, chunk), (write as any)(fd, chunk, ...rest))) as any),
      jest
        .spyOn(fs, 'writeSync')
        .mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => (keep(fd, chunk), (writeSync as any)(fd, chunk, ...rest))) as any),
      jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => (keep(1, chunk), true)) as any),
      jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => (keep(2, chunk), true)) as any),
    ];
    const level = PinoLogger.root.level;
    PinoLogger.root.level = 'info';
    try {
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.connect();
      await consumer.subscribe({ topic: physicalTopic(Topics.complaints), fromBeginning: false });
      await consumer.run({ eachMessage: async ({ message }) => void payloads.push(`${message.key?.toString()} ${message.value?.toString()}`) });
      await joined;

      const { body: c } = await http(SYSTEM)
        .post('/complaints')
        .send(complaint({ complainant: { name, phone } }))
        .expect(201);
      // a refused request carrying the identity logs nothing of it either
      await http(SYSTEM)
        .post('/complaints')
        .send(complaint({ complainant: { name, phone: 'x' } }))
        .expect(400);
      await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
      await http()
        .post(`/complaints/${c.id}/transfer`)
        .send({ toDepartmentCode: `${departmentCode}-B`, reason: '职责调整' })
        .expect(200);
      const handlerB = bearer({ userId: 'handler-b', departmentCode: `${departmentCode}-B`, roles: [Roles.complaintHandler] });
      await http(handlerB).post(`/complaints/${c.id}/answer`).send({ answer: '已处理' }).expect(200);

      // over HTTP: another department cannot find it; the department it left neither; the handling one and the 工改办 read it; others masked
      for (const outsider of [OTHER_HANDLER, HANDLER]) {
        const res = await http(outsider).get(`/complaints/${c.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(name);
      }
      expect(JSON.stringify((await http(OTHER_HANDLER).get('/complaints').query({ pageSize: 100 }).expect(200)).body)).not.toContain(name);
      expect((await http(handlerB).get(`/complaints/${c.id}`).expect(200)).body.complainant).toEqual({ name, phone, email: null });
      expect((await http(REFORM_OFFICE).get(`/complaints/${c.id}`).expect(200)).body.complainant).toEqual({ name, phone, email: null });
      for (const reader of [AUDITOR]) {
        const seen = await http(reader).get(`/complaints/${c.id}`).expect(200);
        expect(seen.body.complainantMasked).toBe(true);
        expect(JSON.stringify(seen.body)).not.toContain(name);
        expect(JSON.stringify(seen.body)).not.toContain(phone);
      }

      // at rest: sealed with the write key, the clear name in no column of any of its rows
      const [row] = await db.query(`SELECT row_to_json(c)::text AS raw, complainant_key_id FROM complaints c WHERE id = $1`, [c.id]);
      expect(row.complainant_key_id).toBe('dev-2026');
      const stored: string[] = [
        row.raw,
        ...(await db.query(`SELECT row_to_json(t)::text AS raw FROM complaint_transfers t WHERE complaint_id = $1`, [c.id])).map((r: { raw: string }) => r.raw),
        ...(await db.query(`SELECT envelope::text AS raw FROM outbox_events WHERE subject = $1`, [c.id])).map((r: { raw: string }) => r.raw),
        ...(await db.query(`SELECT command::text AS raw FROM workflow_commands WHERE workflow_id = $1`, [`complaint-${c.id}`])).map(
          (r: { raw: string }) => r.raw,
        ),
        ...(await db.query(`SELECT row_to_json(a)::text AS raw FROM audit_log a WHERE resource_id = $1`, [c.id])).map((r: { raw: string }) => r.raw),
      ];
      expect(stored.length).toBeGreaterThanOrEqual(8);
      // and nowhere in the service's schema: every table, every row
      const tables: { table_name: string }[] = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['complaints', 'outbox_events', 'audit_log', 'workflow_commands', 'inbox_events']),
      );
      for (const { table_name } of tables) {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM "${table_name}" t WHERE row_to_json(t)::text LIKE '%' || $1 || '%' OR row_to_json(t)::text LIKE '%' || $2 || '%'`,
          [name, phone],
        );
        expect([table_name, n]).toEqual([table_name, 0]);
      }
      for (const text of stored) for (const secret of [name, phone, JSON.stringify(name).slice(1, -1)]) expect(text).not.toContain(secret);

      // on Kafka: every event of the complaint arrives, none carries it
      const mine = await waitFor(
        'the complaint’s events on Kafka',
        async () => {
          const found = payloads.filter((p) => p.includes(c.id));
          return found.length >= 4 ? found : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      for (const p of mine) for (const secret of [name, phone]) expect(p).not.toContain(secret);
      // in the logs
      // the request log of the complaint's steps was captured (so the check below looked at real lines)
      expect(logged.some((line) => line.includes(`/complaints/${c.id}/acknowledge`))).toBe(true);
      for (const line of logged) for (const secret of [name, phone]) expect(line).not.toContain(secret);
    } finally {
      PinoLogger.root.level = level;
      spies.forEach((s) => s.mockRestore());
      await consumer.disconnect();
    }
  }, 120_000);

  it('takes the national platform’s record pushed twice as one complaint, answering the repeat with it (200)', async () => {
    const externalRef = `GJPT-${Date.now()}-${process.pid}`;
    const pushed = complaint({ channel: 'national-platform', externalRef, kind: 'violation-report' });
    const first = (await http(SYSTEM).post('/complaints').send(pushed).expect(201)).body;
    const again = (await http(SYSTEM).post('/complaints').send(pushed).expect(200)).body;
    expect(again).toEqual(first);
    // two deliveries at the same moment still make one
    const twin = complaint({ channel: 'national-platform', externalRef: `${externalRef}-B` });
    const both = await Promise.all([http(SYSTEM).post('/complaints').send(twin), http(SYSTEM).post('/complaints').send(twin)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0].body.id).toBe(both[1].body.id);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM complaints WHERE external_ref = ANY($1)`, [[externalRef, `${externalRef}-B`]]);
    expect(n).toBe(2);
    expect((await outboxOf(first.id)).map((e) => e.type)).toEqual([ComplaintEventTypes.received]);
    // the same number with another matter is another record under a reused number
    const reused = await http(SYSTEM)
      .post('/complaints')
      .send({ ...pushed, content: '另一件事' })
      .expect(409);
    expect(reused.body.message).toBe(
      `complaint ${externalRef} from channel national-platform was already received as ${first.id} with different content; a channel number stands for one record`,
    );
    // the national platform always names its record
    const unnamed = await http(SYSTEM)
      .post('/complaints')
      .send(complaint({ channel: 'national-platform' }))
      .expect(400);
    expect(unnamed.body.errors.map((e: { field: string }) => e.field)).toEqual(['externalRef']);
  });

  it('records the kind (defaulting from the category) and attachments by reference', async () => {
    const sha256 = 'AB'.repeat(32);
    const { body: c } = await http()
      .post('/complaints')
      .send(complaint({ kind: 'suggestion', category: 'other', attachments: [{ name: '现场照片.jpg', sha256, size: 482113 }] }))
      .expect(201);
    expect(c).toMatchObject({ kind: 'suggestion', category: 'other', attachments: [{ name: '现场照片.jpg', sha256: sha256.toLowerCase(), size: 482113 }] });
    expect(
      (
        await http()
          .post('/complaints')
          .send(complaint({ category: 'approval-service' }))
          .expect(201)
      ).body.kind,
    ).toBe('approval-service');
    expect((await http().post('/complaints').send(complaint()).expect(201)).body).toMatchObject({ kind: 'violation-report', attachments: [] });
    const mismatch = await http()
      .post('/complaints')
      .send(complaint({ kind: 'approval-service', category: 'environment' }))
      .expect(400);
    expect(mismatch.body).toMatchObject({
      message: 'kind approval-service (审批服务) requires category approval-service, got environment',
      errors: [{ field: 'kind' }],
    });
  });

  it.each([
    ['channel', { channel: 'fax' }, 'channel must be one of web, hotline, mini-program, 12345, national-platform'],
    ['category', { category: 'noise' }, 'category must be one of'],
    ['regionCode', { regionCode: '21030' }, 'regionCode must be a 6-digit administrative division code'],
    ['departmentCode', { departmentCode: 'AS-ZJJ' }, 'property departmentCode should not exist'],
    ['itemCode', { itemCode: '施工许可' }, 'itemCode must be 1–64 letters'],
    ['subjectUscc', { subjectUscc: '91350100M000100Y44' }, 'subjectUscc must be a valid 统一社会信用代码'],
    ['content', { content: '' }, 'content should not be empty'],
    ['content', { content: '投'.repeat(4001) }, 'content must be shorter than or equal to 4000 characters'],
    ['complainant.phone', { complainant: { name: NAME } }, 'complainant.phone must be a mobile or landline number (required when no email is given)'],
    ['complainant.phone', { complainant: { phone: '12345' } }, 'complainant.phone must be a mobile or landline number'],
    ['complainant.email', { complainant: { email: 'not-mail' } }, 'complainant.email must be an email address'],
    ['complainant.idNumber', { complainant: { phone: PHONE, idNumber: '210302199001011234' } }, 'property idNumber should not exist'],
    ['status', { status: 'answered' }, 'property status should not exist'],
    ['kind', { kind: 'praise' }, 'kind must be one of approval-service, violation-report, suggestion'],
    ['attachments.0.sha256', { attachments: [{ name: 'a.pdf', sha256: 'abc', size: 1 }] }, 'attachments.sha256 must be 64 hexadecimal digits (SHA-256)'],
    ['attachments.0.size', { attachments: [{ name: 'a.pdf', sha256: 'a'.repeat(64), size: 0 }] }, 'attachments.size must be at least 1 byte'],
    [
      'attachments',
      { attachments: Array.from({ length: 21 }, () => ({ name: 'a.pdf', sha256: 'a'.repeat(64), size: 1 })) },
      'attachments may list at most 20 files',
    ],
  ])('answers 400 naming %s', async (field, over, message) => {
    const res = await http().post('/complaints').send(complaint(over)).expect(400);
    expect(res.body.message).toContain(message);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 for a bad answer, filter or id', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);
    await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
    expect((await http().post(`/complaints/${c.id}/answer`).send({}).expect(400)).body.errors[0].field).toBe('answer');
    expect((await http().get('/complaints').query({ status: 'closed' }).expect(400)).body.message).toBe(
      'status must be one of received, acknowledged, answered',
    );
    expect((await http().get('/complaints').query({ regionCode: 'x' }).expect(400)).body.errors[0].field).toBe('regionCode');
    await http().get('/complaints/42').expect(400);
  });

  it('lets only the handling department act; auditors read', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);
    expect((await http(AUDITOR).get('/complaints').query({ departmentCode }).expect(200)).body.total).toBeGreaterThan(0);
    await http(AUDITOR).post(`/complaints/${c.id}/acknowledge`).expect(403);
    await http(OTHER_HANDLER).post(`/complaints/${c.id}/acknowledge`).expect(404);
    // the reform office may act for anyone
    await http(REFORM_OFFICE).post(`/complaints/${c.id}/acknowledge`).expect(200);
    await http(bearer({ roles: [Roles.inspector] }))
      .get('/complaints')
      .expect(403);
    await request(app.getHttpServer()).get(`/complaints/${c.id}`).expect(401);
  });

  it('answers 404 for an unknown complaint', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await http().get(`/complaints/${id}`).expect(404)).body.message).toBe(`complaint ${id} not found`);
    await http().post(`/complaints/${id}/acknowledge`).expect(404);
    await http().post(`/complaints/${id}/answer`).send({ answer: '已处理' }).expect(404);
  });

  it('getComplaintStatus tells workflows where a complaint stands, without the complainant or the text', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);
    await http().post(`/complaints/${c.id}/acknowledge`).expect(200);
    const activities = app.get(ComplaintsActivitiesImpl);
    const facts = await activities.getComplaintStatus({ complaintId: c.id });
    expect(facts).toEqual({
      complaintId: c.id,
      status: 'acknowledged',
      departmentCode,
      regionCode: '210302',
      receivedAt: c.receivedAt,
      acknowledgeDueAt: c.acknowledgeDueAt,
      acknowledgedAt: expect.any(String),
      answerDueAt: c.answerDueAt,
      answeredAt: null,
      dueProvisional: c.dueProvisional,
    });
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const failure = await activities.getComplaintStatus({ complaintId: unknown }).catch((e) => e);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'ComplaintNotFound', nonRetryable: true });
    }
  });

  it('is healthy: database, Kafka and Temporal (with its activity worker) answer', async () => {
    const health = await healthyService(app);
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' }, temporal: { status: 'up' } } });
  });

  /** As if received at `receivedAt`, with the deadlines receipt gave it then (the statutory fallback for 2027: provisional). */
  const receivedOn = async (id: string, receivedAt: string) => {
    const due = complaintDeadlines(new WorkingDayCalendar(), new Date(receivedAt), DEFAULT_COMPLAINT_DEADLINES);
    await db.query(`UPDATE complaints SET received_at = $2, acknowledge_due_at = $3, answer_due_at = $4, due_provisional = $5 WHERE id = $1`, [
      id,
      receivedAt,
      due.acknowledgeDueAt,
      due.answerDueAt,
      due.provisional,
    ]);
  };

  it('recomputes provisional deadlines of open complaints when the year’s official arrangement is loaded', async () => {
    const { body: c } = await http().post('/complaints').send(complaint()).expect(201);
    // as if received on 2026-12-24: 15 working days run into 2027, which has no arrangement yet
    await receivedOn(c.id, '2026-12-24T02:00:00Z');
    const holidays = ['2027-01-01', '2027-01-04', '2027-01-05'].map((date) => ({ date, name: '元旦' }));
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/catalog',
      type: CatalogEventTypes.calendarArrangementLoaded,
      time: new Date().toISOString(),
      subject: 'calendar:2027',
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        year: 2027,
        revision: Math.floor(Date.now() / 1000),
        arrangement: { year: 2027, holidays, workdays: [] },
        replacedFallback: true,
        sourceDocument: null,
        loadedAt: new Date().toISOString(),
      },
    } as IntegrationEvent<CalendarArrangementLoadedV1>;
    try {
      expect(await app.get(EventConsumer).handleOnce(event, app.get(CalendarArrangementHandler))).toBe('applied');
      const after = (await http().get(`/complaints/${c.id}`).expect(200)).body;
      // acknowledge: 1 working day after 12-24 (Thu) = 12-25; answer: 5 in December, then 10 from 2027-01-06 → 01-19
      expect(after).toMatchObject({ acknowledgeDueAt: '2026-12-25T15:59:59.999Z', answerDueAt: '2027-01-19T15:59:59.999Z', dueProvisional: false });
      const [audit] = await db.query(`SELECT after FROM audit_log WHERE resource_id = $1 AND action = 'complaint.deadlines-recomputed'`, [c.id]);
      expect(audit.after).toMatchObject({ dueProvisional: false, arrangementYear: 2027 });
    } finally {
      await db.query('DELETE FROM calendar_arrangements WHERE year = 2027');
    }
  });

  it('moves deadlines back when an earlier revision of the arrangement is restored, provisional or not', async () => {
    const { body: across } = await http().post('/complaints').send(complaint()).expect(201);
    const { body: before } = await http().post('/complaints').send(complaint()).expect(201);
    // received 2026-12-24: 15 working days run into 2027; received 2026-11-02: answered long before it
    await receivedOn(across.id, '2026-12-24T02:00:00Z');
    await receivedOn(before.id, '2026-11-02T02:00:00Z');
    const first = { year: 2027, holidays: ['2027-01-01', '2027-01-04', '2027-01-05'].map((date) => ({ date, name: '元旦' })), workdays: [] };
    const second = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'].map((date) => ({ date, name: '元旦' })),
      workdays: [],
    };
    // above any revision an earlier run may have left behind
    const base = Math.floor(Date.now() / 1000);
    const loaded = (revision: number, arrangement: typeof first, restoredFromRevision: number | null = null) =>
      ({
        specversion: '1.0',
        id: randomUUID(),
        source: '/cityworks/catalog',
        type: CatalogEventTypes.calendarArrangementLoaded,
        time: new Date().toISOString(),
        subject: 'calendar:2027',
        datacontenttype: 'application/json',
        correlationid: randomUUID(),
        data: { year: 2027, revision, arrangement, replacedFallback: false, sourceDocument: null, loadedAt: new Date().toISOString(), restoredFromRevision },
      }) as IntegrationEvent<CalendarArrangementLoadedV1>;
    const deliver = (event: IntegrationEvent<CalendarArrangementLoadedV1>) => app.get(EventConsumer).handleOnce(event, app.get(CalendarArrangementHandler));
    const answerDue = async (id: string) => (await http().get(`/complaints/${id}`).expect(200)).body;
    try {
      await deliver(loaded(base, first));
      // 5 working days in December, then 10 from 2027-01-06
      expect(await answerDue(across.id)).toMatchObject({ answerDueAt: '2027-01-19T15:59:59.999Z', dueProvisional: false });

      // a correction declares the whole first week off: the deadline, final by now, moves anyway
      await deliver(loaded(base + 1, second));
      expect(await answerDue(across.id)).toMatchObject({ answerDueAt: '2027-01-22T15:59:59.999Z', dueProvisional: false });

      // the correction was wrong: the first revision's days are restored as the next revision
      await deliver(loaded(base + 2, first, base));
      expect(await answerDue(across.id)).toMatchObject({ answerDueAt: '2027-01-19T15:59:59.999Z', dueProvisional: false });
      const audits = await db.query(`SELECT after FROM audit_log WHERE resource_id = $1 AND action = 'complaint.deadlines-recomputed' ORDER BY seq`, [
        across.id,
      ]);
      expect(audits.map((a: any) => [a.after.answerDueAt, a.after.arrangementRevision])).toEqual([
        ['2027-01-19T15:59:59.999Z', base],
        ['2027-01-22T15:59:59.999Z', base + 1],
        ['2027-01-19T15:59:59.999Z', base + 2],
      ]);

      // the correction delivered again late, under another id: older than the copy, it changes nothing
      expect(await deliver(loaded(base + 1, second))).toBe('applied');
      expect(await answerDue(across.id)).toMatchObject({ answerDueAt: '2027-01-19T15:59:59.999Z' });
      const [{ revision }] = await db.query('SELECT revision FROM calendar_arrangements WHERE year = 2027');
      expect(revision).toBe(base + 2);

      // a deadline that never reached 2027 is left alone
      expect(await answerDue(before.id)).toMatchObject({ answerDueAt: '2026-11-23T15:59:59.999Z', dueProvisional: false });
      expect(await db.query(`SELECT 1 FROM audit_log WHERE resource_id = $1 AND action = 'complaint.deadlines-recomputed'`, [before.id])).toEqual([]);
    } finally {
      await db.query('DELETE FROM calendar_arrangements WHERE year = 2027');
    }
  });
});
