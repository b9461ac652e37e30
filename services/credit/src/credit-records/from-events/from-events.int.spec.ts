import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  ComplaintEventTypes,
  ComplaintUpheldV1,
  CreditEventTypes,
  CreditGradeChangedV1,
  IntegrationEvent,
  Roles,
  SupervisionCheckRecordedV1,
  SupervisionEventTypes,
  SupervisionPenaltyDecidedV1,
} from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import request from 'supertest';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { chinaDateOf } from '@cityworks/calendar';
import { AppModule } from '../../app.module';
import { SubjectCreditService } from '../../subjects/subject-credit.service';
import { PenaltyDecidedHandler } from './penalty-decided.handler';
import { CheckRecordedHandler, ComplaintUpheldHandler } from './supervision-findings.handler';

/** Records from supervision's checks and penalties and complaints' upheld complaints, against the real Postgres. */
describe('credit records from penalties, checks and complaints', () => {
  let app: INestApplication;
  let db: DataSource;
  let consumer: EventConsumer;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    consumer = app.get(EventConsumer);
  });
  afterAll(() => app?.close());

  const envelope = <T>(type: string, data: T, id = randomUUID()): IntegrationEvent<T> => ({
    specversion: '1.0',
    id,
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
      documentNumber: `鞍住建罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
      subjectUscc: uscc,
      subjectName: '鞍山市某建筑工程有限公司',
      legalRepresentative: '张某',
      supervisionItemCode: 'JG-ZJ-001',
      departmentCode: 'AS-ZJJ',
      violationType: '未取得施工许可证擅自施工',
      facts: '未取得施工许可证擅自施工',
      legalBasis: '《建筑工程施工许可管理办法》第十二条',
      category: '罚款',
      content: '处罚款',
      fineAmount: '12000.00',
      decisionDate: today,
      severity: 'serious',
      decidedAt: new Date().toISOString(),
      ...over,
    });
  const grades = async (uscc: string) =>
    (await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at`, [uscc, CreditEventTypes.gradeChanged])).map(
      ({ envelope: e }: { envelope: IntegrationEvent<CreditGradeChangedV1> }) => [e.data.gradeAfter, e.data.jointPunishment],
    );
  const recordsOf = (uscc: string): Promise<{ source_type: string; severity: string; source_ref: string; source_department_code: string }[]> =>
    db.query(`SELECT source_type, severity, source_ref, source_department_code FROM credit_records WHERE uscc = $1 ORDER BY created_at`, [uscc]);

  it('each finding makes one record, however often it is delivered, and moves the grade', async () => {
    const uscc = randomUscc();
    const check = envelope<SupervisionCheckRecordedV1>(SupervisionEventTypes.checkRecorded, {
      actionId: randomUUID(),
      planId: null,
      campaignId: null,
      supervisionItemCode: 'JG-ZJ-002',
      departmentCode: 'AS-ZJJ',
      subjectUscc: uscc,
      regionCode: '210302',
      result: 'violation-found',
      checkedAt: new Date().toISOString(),
      reportedAt: new Date().toISOString(),
    });
    expect(await consumer.handleOnce(check, app.get(CheckRecordedHandler))).toBe('applied');
    expect(await consumer.handleOnce(check, app.get(CheckRecordedHandler))).toBe('duplicate');
    // a check without a violation makes no record
    const clean = envelope<SupervisionCheckRecordedV1>(SupervisionEventTypes.checkRecorded, { ...check.data, actionId: randomUUID(), result: 'no-problem' });
    expect(await consumer.handleOnce(clean, app.get(CheckRecordedHandler))).toBe('applied');
    expect((await app.get(SubjectCreditService).standing(uscc)).standing.grade).toBe('B');

    const serious = penalty(uscc);
    expect(await consumer.handleOnce(serious, app.get(PenaltyDecidedHandler))).toBe('applied');
    // the same penalty re-sent under another event id (a replayed outbox): still one record
    expect(await consumer.handleOnce({ ...serious, id: randomUUID() }, app.get(PenaltyDecidedHandler))).toBe('applied');

    const upheld = envelope<ComplaintUpheldV1>(ComplaintEventTypes.upheld, {
      complaintId: randomUUID(),
      category: 'construction-quality',
      regionCode: '210302',
      departmentCode: 'AS-ZJJ',
      subjectUscc: uscc,
      projectCode: null,
      itemCode: null,
      upheldAt: new Date().toISOString(),
    });
    expect(await consumer.handleOnce(upheld, app.get(ComplaintUpheldHandler))).toBe('applied');
    expect(await consumer.handleOnce(upheld, app.get(ComplaintUpheldHandler))).toBe('duplicate');
    const anonymous = envelope<ComplaintUpheldV1>(ComplaintEventTypes.upheld, { ...upheld.data, complaintId: randomUUID(), subjectUscc: null });
    expect(await consumer.handleOnce(anonymous, app.get(ComplaintUpheldHandler))).toBe('applied');

    expect((await recordsOf(uscc)).map((r) => [r.source_type, r.severity])).toEqual([
      ['supervision', 'minor'],
      ['supervision', 'serious'],
      ['complaint', 'minor'],
    ]);
    expect(await grades(uscc)).toEqual([
      ['B', false],
      ['C', false],
    ]);

    // a 严重 penalty: D and the joint-punishment list
    expect(await consumer.handleOnce(penalty(uscc, { severity: 'severe' }), app.get(PenaltyDecidedHandler))).toBe('applied');
    expect(await grades(uscc)).toEqual([
      ['B', false],
      ['C', false],
      ['D', true],
    ]);
    expect((await app.get(SubjectCreditService).standing(uscc)).standing).toMatchObject({
      grade: 'D',
      jointPunishment: true,
      activeBadRecords: { minor: 2, serious: 1, severe: 1 },
    });
    // on the 联合惩戒名单, named as the penalty named it
    const list = await request(app.getHttpServer())
      .get('/joint-punishment-list')
      .set('authorization', bearer({ userId: 'spj-9', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] }))
      .query({ pageSize: 100 })
      .expect(200);
    expect(list.body.items.find((e: { uscc: string }) => e.uscc === uscc)).toMatchObject({ name: '鞍山市某建筑工程有限公司', grade: 'D' });
  });

  it('parks a penalty naming no valid subject, writing nothing', async () => {
    const bad = penalty('91350100M000100Y44');
    await expect(consumer.handleOnce(bad, app.get(PenaltyDecidedHandler))).rejects.toThrow(/not a valid 统一社会信用代码/);
    expect(await db.query(`SELECT 1 FROM inbox_events WHERE event_id = $1`, [bad.id])).toEqual([]);
  });
});
