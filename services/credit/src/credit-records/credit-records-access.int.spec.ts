import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addCalendarDays, chinaDateOf } from '@cityworks/calendar';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';

/** Who writes and who reads credit records (谁认定、谁负责; 信用信息共享 without the reasons). */
describe('credit records: access by department and role', () => {
  let app: INestApplication;
  let db: DataSource;
  const today = chinaDateOf(new Date());
  const ZJJ_CREDIT = bearer({ userId: 'zjj-xy-3', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });
  const RSJ_CREDIT = bearer({ userId: 'rsj-xy-1', departmentCode: 'AS-RSJ', roles: [Roles.creditOfficer] });
  const ZJJ_SUPERVISION = bearer({ userId: 'zjj-jg-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const SPJ_APPROVAL = bearer({ userId: 'spj-2', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const RSJ_COMPLAINTS = bearer({ userId: 'rsj-ts-1', departmentCode: 'AS-RSJ', roles: [Roles.complaintHandler] });
  const AUDITOR = bearer({ userId: 'auditor-3', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const REFORM_OFFICE = bearer({ userId: 'gb-1', departmentCode: 'AS-GGB', roles: [Roles.reformOffice] });
  const record = (uscc: string, sourceDepartmentCode: string) => ({
    uscc,
    kind: 'bad',
    severity: 'minor',
    sourceType: 'supervision',
    sourceDepartmentCode,
    reason: '项目经理李某未到岗履职',
    decidedOn: today,
    expiresOn: addCalendarDays(today, 365),
  });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  it('a department’s credit desk writes only its own findings; another’s is refused and nothing is written', async () => {
    const uscc = randomUscc();
    const refused = await request(app.getHttpServer()).post('/credit-records').set('authorization', RSJ_CREDIT).send(record(uscc, 'AS-ZJJ')).expect(403);
    expect(refused.body.message).toContain('sourceDepartmentCode AS-ZJJ is not your department (AS-RSJ)');
    expect(await db.query('SELECT id FROM credit_records WHERE uscc = $1', [uscc])).toEqual([]);
    expect(await db.query(`SELECT id FROM outbox_events WHERE subject = $1`, [uscc])).toEqual([]);
    // supervision staff of the same department do not write records by hand: their findings arrive as events
    await request(app.getHttpServer()).post('/credit-records').set('authorization', ZJJ_SUPERVISION).send(record(uscc, 'AS-ZJJ')).expect(403);
    await request(app.getHttpServer()).post('/credit-records').set('authorization', ZJJ_CREDIT).send(record(uscc, 'AS-ZJJ')).expect(201);
    // the 工改办 may record for any department
    await request(app.getHttpServer()).post('/credit-records').set('authorization', REFORM_OFFICE).send(record(uscc, 'AS-RSJ')).expect(201);
  });

  it('staff read every record’s classification, but another department’s reason only in the credit office, audit and the 工改办', async () => {
    const uscc = randomUscc();
    await request(app.getHttpServer()).post('/credit-records').set('authorization', ZJJ_CREDIT).send(record(uscc, 'AS-ZJJ')).expect(201);
    const reasons = async (token: string) =>
      (await request(app.getHttpServer()).get('/credit-records').set('authorization', token).query({ uscc }).expect(200)).body.items.map(
        (r: { reason: string | null; severity: string }) => [r.severity, r.reason],
      );
    expect(await reasons(SPJ_APPROVAL)).toEqual([['minor', null]]);
    expect(await reasons(ZJJ_SUPERVISION)).toEqual([['minor', '项目经理李某未到岗履职']]);
    expect(await reasons(RSJ_CREDIT)).toEqual([['minor', '项目经理李某未到岗履职']]);
    expect(await reasons(AUDITOR)).toEqual([['minor', '项目经理李某未到岗履职']]);
    // the lookup every department may make (一处失信、处处受限) shows the grade, not the reason
    const standing = (await request(app.getHttpServer()).get(`/subjects/${uscc}/credit`).set('authorization', RSJ_COMPLAINTS).expect(200)).body;
    expect(standing).toMatchObject({ grade: 'B', activeRecords: [{ severity: 'minor', reason: null }] });
    // the record list is not for complaint handlers or inspectors
    await request(app.getHttpServer()).get('/credit-records').set('authorization', RSJ_COMPLAINTS).query({ uscc }).expect(403);
  });
});
