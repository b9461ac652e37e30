import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, addCalendarMonths, chinaDateOf, WorkingDayCalendar } from '@cityworks/calendar';
import {
  ApprovalDecidedV1,
  ApprovalEventTypes,
  ApprovalRevokedV1,
  IntegrationEvent,
  publicationWorkflowId,
  Roles,
  SupervisionEventTypes,
  SupervisionPenaltyDecidedV1,
} from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { PenaltyDecidedHandler } from '../credit-records/from-events/penalty-decided.handler';
import { PermitDecidedHandler, PermitRevokedHandler } from '../credit-records/from-events/permit-decided.handler';
import { PublicRegisterService } from '../public-register/public-register.service';
import { PublicationsService } from './publications.service';

/** 双公示 and the public register against the real Postgres (workflow commands are checked in the outbox; the workflow itself has its own time-skipping tests). */
describe('双公示 and the public register', () => {
  let app: INestApplication;
  let db: DataSource;
  let consumer: EventConsumer;
  const today = chinaDateOf(new Date());
  const ZJJ_CREDIT = bearer({ userId: 'zjj-xy-9', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });
  const SPJ_CREDIT = bearer({ userId: 'spj-xy-1', departmentCode: 'AS-XZSPJ', roles: [Roles.creditOfficer] });
  const AUDITOR = bearer({ userId: 'auditor-9', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = (token = ZJJ_CREDIT) => {
    const agent = request(app.getHttpServer());
    return {
      get: (url: string) => agent.get(url).set('authorization', token),
      post: (url: string) => agent.post(url).set('authorization', token),
      patch: (url: string) => agent.patch(url).set('authorization', token),
    };
  };
  const anonymous = () => request(app.getHttpServer());

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    consumer = app.get(EventConsumer);
  });
  afterAll(() => app?.close());

  const envelope = <T>(type: string, data: T): IntegrationEvent<T> => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/cityworks/test',
    type,
    time: new Date().toISOString(),
    subject: randomUUID(),
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data,
  });
  const penalty = (uscc: string, over: Partial<SupervisionPenaltyDecidedV1> = {}) =>
    envelope<SupervisionPenaltyDecidedV1>(SupervisionEventTypes.penaltyDecided, {
      actionId: randomUUID(),
      documentNumber: `鞍住建罚〔2026〕${Math.floor(Math.random() * 1e7)}号`,
      subjectUscc: uscc,
      subjectName: `鞍山市公示测试${uscc.slice(-6)}建筑有限公司`,
      legalRepresentative: '张某',
      supervisionItemCode: 'JG-ZJ-001',
      departmentCode: 'AS-ZJJ',
      violationType: '未取得施工许可证擅自施工',
      facts: '该公司于2026年5月起未取得施工许可证擅自施工',
      legalBasis: '《建筑工程施工许可管理办法》第十二条',
      category: '罚款',
      content: '责令停止施工，处罚款1.2万元',
      fineAmount: '12000.00',
      decisionDate: today,
      severity: 'minor',
      decidedAt: new Date().toISOString(),
      ...over,
    });
  const authority = { authority: '鞍山市住房和城乡建设局', authorityCode: '11210300001234567L', dataSource: '鞍山市住房和城乡建设局' };
  const publicationOf = async (sourceRef: string): Promise<string | undefined> =>
    (await db.query(`SELECT id FROM publications WHERE source_ref = $1`, [sourceRef]))[0]?.id;
  const publicationIdOf = async (sourceRef: string): Promise<string> => {
    const id = await publicationOf(sourceRef);
    if (!id) throw new Error(`no publication for ${sourceRef}`);
    return id;
  };
  const register = async (q: string) => (await anonymous().get('/public/credit-register').query({ q }).expect(200)).body;

  it('a penalty is due 7 working days after its decision, starts its workflow, and goes public once completed and published', async () => {
    const uscc = randomUscc();
    const event = penalty(uscc);
    expect(await consumer.handleOnce(event, app.get(PenaltyDecidedHandler))).toBe('applied');
    // the same penalty under another event id makes no second publication
    await consumer.handleOnce({ ...event, id: randomUUID() }, app.get(PenaltyDecidedHandler));
    expect(await db.query(`SELECT count(*)::int AS n FROM publications WHERE uscc = $1`, [uscc])).toEqual([{ n: 1 }]);
    const id = await publicationIdOf(event.data.actionId);

    const pending = (await http().get(`/publications/${id}`).expect(200)).body;
    expect(pending).toMatchObject({
      kind: 'penalty',
      status: 'pending',
      dueCounting: 'working',
      dueDays: 7,
      dueAt: new WorkingDayCalendar().dueInstant(new Date(), 7).dueAt.toISOString(),
      publicUntil: addCalendarDays(addCalendarMonths(today, 12), -1),
      missing: ['authority', 'authorityCode', 'dataSource'],
      fields: { subjectName: event.data.subjectName, documentNumber: event.data.documentNumber, fineAmount: '1.2', decisionDate: today },
    });
    const [command] = await db.query(`SELECT command FROM workflow_commands WHERE workflow_id = $1`, [publicationWorkflowId(id)]);
    expect(command.command).toMatchObject({
      kind: 'start',
      workflowType: 'publicationWorkflow',
      args: [{ publicationId: id, kind: 'penalty', departmentCode: 'AS-ZJJ', reference: event.data.documentNumber }],
    });

    // not complete: refused naming the fields
    expect((await http().post(`/publications/${id}/publish`).expect(422)).body.message).toContain('lacks authority, authorityCode, dataSource');
    // another department's desk may not complete or publish it, nor see it
    await http(SPJ_CREDIT).patch(`/publications/${id}`).send(authority).expect(404);
    await http(SPJ_CREDIT).post(`/publications/${id}/publish`).expect(404);
    // a permit's field on a penalty
    expect((await http().patch(`/publications/${id}`).send({ validFrom: today }).expect(422)).body.message).toContain(
      'validFrom cannot be set on a penalty publication',
    );
    expect((await http().patch(`/publications/${id}`).send({ authorityCode: 'nope' }).expect(400)).body.errors[0].field).toBe('authorityCode');
    // 去标识化 of the facts before they go public
    await http()
      .patch(`/publications/${id}`)
      .send({ ...authority, facts: '该公司于2026年5月起未取得施工许可证擅自施工（已去标识化）' })
      .expect(200);
    expect(await register(uscc)).toMatchObject({ total: 0 });

    const published = (await http().post(`/publications/${id}/publish`).expect(200)).body;
    expect(published).toMatchObject({ status: 'published', missing: [], overdue: false });
    await http().post(`/publications/${id}/publish`).expect(409);
    await http().patch(`/publications/${id}`).send({ content: '改' }).expect(409);
    const [signal] = await db.query(`SELECT command FROM workflow_commands WHERE workflow_id = $1 AND command->>'kind' = 'signal'`, [
      publicationWorkflowId(id),
    ]);
    expect(signal.command).toMatchObject({ signal: 'publicationMade' });

    // on the public register without a token, by name or code, with the national fields only
    const byName = await register(event.data.subjectName.slice(4, 14));
    expect(byName.items.map((i: { id: string }) => i.id)).toContain(id);
    const entry = (await register(uscc)).items[0];
    expect(Object.keys(entry).sort()).toEqual(['fields', 'id', 'kind']);
    expect(Object.keys(entry.fields)).toEqual([
      'subjectName',
      'uscc',
      'legalRepresentative',
      'documentNumber',
      'violationType',
      'facts',
      'legalBasis',
      'category',
      'content',
      'fineAmount',
      'decisionDate',
      'publicUntil',
      'authority',
      'authorityCode',
      'dataSource',
    ]);
    expect(JSON.stringify(entry)).not.toContain('zjj-xy-9');

    // an expired entry disappears: read as of the day after its 公示截止期
    const service = app.get(PublicRegisterService);
    const lastDay = published.publicUntil as string;
    expect((await service.list({ q: uscc, page: 1, pageSize: 20 }, new Date(`${lastDay}T12:00:00+08:00`))).total).toBe(1);
    expect((await service.list({ q: uscc, page: 1, pageSize: 20 }, new Date(`${addCalendarDays(lastDay, 1)}T00:00:00+08:00`))).total).toBe(0);

    const audit = (await http(AUDITOR).get('/audit-log').query({ resourceType: 'publication', resourceId: id }).expect(200)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(audit.sort()).toEqual(['publication.completed', 'publication.created', 'publication.published']);
  });

  it('an expired penalty is never on the register; a repaired one leaves it', async () => {
    const uscc = randomUscc();
    // decided 13 months ago, 一般: public for 12 months — already past
    const old = penalty(uscc, { decisionDate: addCalendarMonths(today, -13) });
    await consumer.handleOnce(old, app.get(PenaltyDecidedHandler));
    const oldId = await publicationIdOf(old.data.actionId);
    await http().patch(`/publications/${oldId}`).send(authority).expect(200);
    // published late: it still counts as published, past its deadline
    expect((await http().post(`/publications/${oldId}/publish`).expect(200)).body).toMatchObject({ status: 'published' });
    expect(await register(uscc)).toMatchObject({ total: 0 });

    // decided 4 months ago: on the register until its 信用修复 is approved
    const recent = penalty(uscc, { decisionDate: addCalendarMonths(today, -4) });
    await consumer.handleOnce(recent, app.get(PenaltyDecidedHandler));
    const id = await publicationIdOf(recent.data.actionId);
    await http().patch(`/publications/${id}`).send(authority).expect(200);
    await http().post(`/publications/${id}/publish`).expect(200);
    expect((await register(uscc)).items.map((i: { id: string }) => i.id)).toEqual([id]);
    const [{ record_id: recordId }] = await db.query(`SELECT record_id FROM publications WHERE id = $1`, [id]);
    const applied = await http()
      .post(`/credit-records/${recordId}/repairs`)
      .send({ applicantName: '王某', correction: '已补办施工许可证', evidence: [{ kind: '整改报告', reference: '鞍住建整改〔2026〕9号', title: '整改报告' }] })
      .expect(201);
    await http().post(`/credit-repairs/${applied.body.id}/decision`).send({ decision: 'approved', reason: '整改到位' }).expect(200);
    expect(await register(uscc)).toMatchObject({ total: 0 });
  });

  it('an approved permit becomes a publication of the approving department, named from the known subject; a refusal none', async () => {
    const uscc = randomUscc();
    await http()
      .post('/credit-records')
      .send({
        uscc,
        kind: 'good',
        sourceType: 'approval',
        sourceDepartmentCode: 'AS-ZJJ',
        reason: '守信',
        decidedOn: today,
        expiresOn: addCalendarDays(today, 30),
      })
      .expect(201);
    await request(app.getHttpServer())
      .put(`/subjects/${uscc}`)
      .set('authorization', ZJJ_CREDIT)
      .send({ name: '鞍山市某房地产开发有限公司', legalRepresentative: '刘某' })
      .expect(200);
    const decided = (decision: 'approved' | 'rejected') =>
      envelope<ApprovalDecidedV1>(ApprovalEventTypes.decided, {
        applicationId: randomUUID(),
        projectCode: '2026-210302-47-01-000001',
        itemCode: 'JS-SGXK-001',
        approvingDepartmentCode: 'AS-XZSPJ',
        supervisingDepartmentCode: 'AS-ZJJ',
        regionCode: '210302',
        ownerUscc: uscc,
        decision,
        onCommitment: false,
        decidedAt: new Date().toISOString(),
        supervisionFeedbackWorkingDays: 5,
      });
    const refused = decided('rejected');
    await consumer.handleOnce(refused, app.get(PermitDecidedHandler));
    expect(await publicationOf(refused.data.applicationId)).toBeUndefined();
    const approved = decided('approved');
    await consumer.handleOnce(approved, app.get(PermitDecidedHandler));
    const id = await publicationIdOf(approved.data.applicationId);
    // the supervising department's desk does not see the approving department's publication
    await http().get(`/publications/${id}`).expect(404);
    const p = (await http(SPJ_CREDIT).get(`/publications/${id}`).expect(200)).body;
    expect(p).toMatchObject({
      kind: 'permit',
      departmentCode: 'AS-XZSPJ',
      fields: { subjectName: '鞍山市某房地产开发有限公司', legalRepresentative: '刘某', uscc, decisionDate: today, documentNumber: null },
      missing: ['documentNumber', 'category', 'content', 'validFrom', 'authority', 'authorityCode', 'dataSource'],
    });
    expect(
      (
        await http(SPJ_CREDIT)
          .patch(`/publications/${id}`)
          .send({ validFrom: today, validTo: addCalendarDays(today, -1) })
          .expect(422)
      ).body.message,
    ).toContain('is before validFrom');
    const validTo = addCalendarDays(today, 700);
    const completed = await http(SPJ_CREDIT)
      .patch(`/publications/${id}`)
      .send({ documentNumber: '鞍审批许〔2026〕88号', category: '普通', content: '建筑工程施工许可证核发', validFrom: today, validTo, ...authority })
      .expect(200);
    // a permit is public until its 有效期至
    expect(completed.body).toMatchObject({ missing: [], publicUntil: validTo });
    await http(SPJ_CREDIT).post(`/publications/${id}/publish`).expect(200);

    const json = await http(AUDITOR).get('/publications/export').query({ kind: 'permit', from: today, to: today }).expect(200);
    const row = json.body.rows.find((r: Record<string, string>) => r['统一社会信用代码'] === uscc);
    expect(row).toEqual({
      行政相对人名称: '鞍山市某房地产开发有限公司',
      统一社会信用代码: uscc,
      法定代表人: '刘某',
      许可文书号: '鞍审批许〔2026〕88号',
      许可类别: '普通',
      许可内容: '建筑工程施工许可证核发',
      许可决定日期: today,
      有效期自: today,
      有效期至: validTo,
      许可机关: '鞍山市住房和城乡建设局',
      许可机关统一社会信用代码: '11210300001234567L',
      数据来源单位: '鞍山市住房和城乡建设局',
    });
    const csv = await http(SPJ_CREDIT).get('/publications/export').query({ kind: 'permit', from: today, to: today, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '行政相对人名称,统一社会信用代码,法定代表人,许可文书号,许可类别,许可内容,许可决定日期,有效期自,有效期至,许可机关,许可机关统一社会信用代码,数据来源单位',
    );
    expect(lines.some((l) => l.includes(uscc) && l.includes('鞍审批许〔2026〕88号'))).toBe(true);
    // another department's export does not hold it
    const other = await http().get('/publications/export').query({ kind: 'permit', from: today, to: today }).expect(200);
    expect(other.body.rows.some((r: Record<string, string>) => r['统一社会信用代码'] === uscc)).toBe(false);
    expect(
      (
        await http()
          .get('/publications/export')
          .query({ kind: 'permit', from: today, to: addCalendarDays(today, -1) })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('to');
  });

  it('a holiday arrangement that changes a year moves pending working-day deadlines across it and tells their workflows', async () => {
    const uscc = randomUscc();
    const event = penalty(uscc);
    await consumer.handleOnce(event, app.get(PenaltyDecidedHandler));
    const id = await publicationIdOf(event.data.actionId);
    const [{ due_at: computed }] = await db.query(`SELECT due_at FROM publications WHERE id = $1`, [id]);
    // as stored under an arrangement since replaced: a day later than the calendar now says
    await db.query(`UPDATE publications SET due_at = due_at + interval '1 day' WHERE id = $1`, [id]);
    const year = Number(today.slice(0, 4));
    const moved = await db.transaction((manager) => app.get(PublicationsService).recomputeDeadlinesAcross(year, manager));
    expect(moved).toBeGreaterThanOrEqual(1);
    expect((await http().get(`/publications/${id}`).expect(200)).body.dueAt).toBe(new Date(computed).toISOString());
    const [signal] = await db.query(`SELECT command FROM workflow_commands WHERE workflow_id = $1 AND command->>'signal' = 'publicationDueMoved'`, [
      publicationWorkflowId(id),
    ]);
    expect(signal.command.args[0]).toMatchObject({ dueAt: new Date(computed).toISOString(), reason: `holiday arrangement of ${year} changed` });
    const audit = (await http(AUDITOR).get('/audit-log').query({ resourceType: 'publication', resourceId: id }).expect(200)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(audit).toContain('publication.due-moved');
    // nothing moves a second time
    await db.transaction((manager) => app.get(PublicationsService).recomputeDeadlinesAcross(year, manager));
    expect(
      await db.query(`SELECT 1 FROM workflow_commands WHERE workflow_id = $1 AND command->>'signal' = 'publicationDueMoved'`, [publicationWorkflowId(id)]),
    ).toHaveLength(1);
  });

  it('a revoked permit is withdrawn: off the register, its workflow told, and never published again', async () => {
    const uscc = randomUscc();
    const decided = envelope<ApprovalDecidedV1>(ApprovalEventTypes.decided, {
      applicationId: randomUUID(),
      projectCode: '2026-210302-47-01-000002',
      itemCode: 'JS-SGXK-001',
      approvingDepartmentCode: 'AS-XZSPJ',
      supervisingDepartmentCode: 'AS-ZJJ',
      regionCode: '210302',
      ownerUscc: uscc,
      decision: 'approved',
      onCommitment: true,
      decidedAt: new Date().toISOString(),
      supervisionFeedbackWorkingDays: 5,
    });
    await consumer.handleOnce(decided, app.get(PermitDecidedHandler));
    const id = await publicationIdOf(decided.data.applicationId);
    await http(SPJ_CREDIT)
      .patch(`/publications/${id}`)
      .send({
        subjectName: '鞍山市撤销测试有限公司',
        legalRepresentative: '吴某',
        documentNumber: '鞍审批许〔2026〕99号',
        category: '普通',
        content: '施工许可',
        validFrom: today,
        ...authority,
      })
      .expect(200);
    await http(SPJ_CREDIT).post(`/publications/${id}/publish`).expect(200);
    expect((await register(uscc)).items.map((i: { id: string }) => i.id)).toEqual([id]);

    const revoked = envelope<ApprovalRevokedV1>(ApprovalEventTypes.revoked, {
      applicationId: decided.data.applicationId,
      projectCode: decided.data.projectCode,
      itemCode: decided.data.itemCode,
      departmentCode: 'AS-XZSPJ',
      supervisingDepartmentCode: 'AS-ZJJ',
      ownerUscc: uscc,
      onCommitment: true,
      source: '告知承诺核查不实',
      reason: '资金到位证明系伪造',
      revokedAt: new Date().toISOString(),
    });
    expect(await consumer.handleOnce(revoked, app.get(PermitRevokedHandler))).toBe('applied');
    // a second revocation under another id changes nothing
    expect(await consumer.handleOnce({ ...revoked, id: randomUUID() }, app.get(PermitRevokedHandler))).toBe('applied');
    expect(await register(uscc)).toMatchObject({ total: 0 });
    const p = (await http(SPJ_CREDIT).get(`/publications/${id}`).expect(200)).body;
    expect(p).toMatchObject({ status: 'withdrawn', overdue: false });
    expect(p.withdrawnAt).toBeTruthy();
    await http(SPJ_CREDIT).post(`/publications/${id}/publish`).expect(409);
    const audit = (await http(AUDITOR).get('/audit-log').query({ resourceType: 'publication', resourceId: id }).expect(200)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(audit.filter((a: string) => a === 'publication.withdrawn')).toHaveLength(1);
    // it was published, so its workflow had already ended: no signal to send
    expect(
      await db.query(`SELECT 1 FROM workflow_commands WHERE workflow_id = $1 AND command->>'signal' = 'publicationWithdrawn'`, [publicationWorkflowId(id)]),
    ).toEqual([]);

    // revoked while still pending: the workflow is told
    const pendingDecision = { ...decided, id: randomUUID(), data: { ...decided.data, applicationId: randomUUID() } };
    await consumer.handleOnce(pendingDecision, app.get(PermitDecidedHandler));
    const pendingId = await publicationIdOf(pendingDecision.data.applicationId);
    await consumer.handleOnce(
      { ...revoked, id: randomUUID(), data: { ...revoked.data, applicationId: pendingDecision.data.applicationId } },
      app.get(PermitRevokedHandler),
    );
    const [signal] = await db.query(`SELECT command FROM workflow_commands WHERE workflow_id = $1 AND command->>'signal' = 'publicationWithdrawn'`, [
      publicationWorkflowId(pendingId),
    ]);
    expect(signal.command.args[0]).toMatchObject({ reason: '撤销（告知承诺核查不实）' });
  });

  it('the register needs no token, but staff endpoints do', async () => {
    await anonymous().get('/public/credit-register').expect(200);
    await anonymous().get('/publications').expect(401);
    expect((await anonymous().get('/public/credit-register').query({ kind: 'fine' }).expect(400)).body.errors[0].field).toBe('kind');
  });
});
