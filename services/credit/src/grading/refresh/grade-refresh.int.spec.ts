import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Client } from '@temporalio/client';
import { addCalendarDays, chinaDateOf } from '@cityworks/calendar';
import { CreditEventTypes, CreditGradeChangedV1, IntegrationEvent, Roles } from '@cityworks/contracts';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { CreditActivitiesImpl } from '../../activities/credit.activities';
import { GradeRefreshSchedule, gradeRefreshScheduleOptions } from './grade-refresh-schedule';

/** 信用等级按日刷新 against the real Postgres and the Temporal dev server (namespace cityworks-test). */
describe('grade refresh (信用等级按日刷新)', () => {
  let app: INestApplication;
  let db: DataSource;
  const today = chinaDateOf(new Date());
  const officer = bearer({ userId: 'zjj-xy-1', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  const changesOf = async (uscc: string): Promise<CreditGradeChangedV1[]> =>
    (await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at`, [uscc, CreditEventTypes.gradeChanged])).map(
      ({ envelope }: { envelope: IntegrationEvent<CreditGradeChangedV1> }) => envelope.data,
    );

  it('grades a subject again once its 失信 record has expired, publishes the change once, and changes nothing on a second run', async () => {
    const uscc = randomUscc();
    const created = await request(app.getHttpServer())
      .post('/credit-records')
      .set('authorization', officer)
      .send({
        uscc,
        kind: 'bad',
        severity: 'severe',
        sourceType: 'supervision',
        sourceDepartmentCode: 'AS-ZJJ',
        reason: '以欺骗手段取得许可',
        decidedOn: addCalendarDays(today, -30),
        expiresOn: today,
      })
      .expect(201);
    expect((await changesOf(uscc)).map((c) => c.gradeAfter)).toEqual(['D']);
    // a day passes: the record's last valid day is behind us
    await db.query(`UPDATE credit_records SET expires_on = $2 WHERE id = $1`, [created.body.id, addCalendarDays(today, -1)]);

    const activities = app.get(CreditActivitiesImpl);
    const first = await activities.refreshExpiredGrades({ lookBackDays: 7 });
    expect(first.asOf).toBe(today);
    expect(first.subjectsChecked).toBeGreaterThanOrEqual(1);
    expect(await changesOf(uscc)).toEqual([
      expect.objectContaining({ gradeAfter: 'D', version: 1 }),
      expect.objectContaining({ gradeBefore: 'D', gradeAfter: 'B', jointPunishment: false, version: 2, causeRecordId: created.body.id }),
    ]);
    await activities.refreshExpiredGrades({ lookBackDays: 7 });
    expect(await changesOf(uscc)).toHaveLength(2);
    await expect(activities.refreshExpiredGrades({ lookBackDays: 0 })).rejects.toThrow(/lookBackDays must be a whole number/);
  });

  it('keeps the daily schedule: created once, in China time', async () => {
    const keeper = app.get(GradeRefreshSchedule).keeper;
    const prefix = `test-${process.pid}-${Date.now()}-`;
    const options = gradeRefreshScheduleOptions(prefix);
    try {
      expect(await keeper.ensure([options])).toEqual({ created: [options.scheduleId], existing: [] });
      expect(await keeper.ensure([options])).toEqual({ created: [], existing: [options.scheduleId] });
      const described = await app.get<Client>(TEMPORAL_CLIENT).schedule.getHandle(options.scheduleId).describe();
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'creditGradeRefreshWorkflow', args: [{ lookBackDays: 7 }] });
    } finally {
      await app
        .get<Client>(TEMPORAL_CLIENT)
        .schedule.getHandle(options.scheduleId)
        .delete()
        .catch(() => undefined);
    }
  });
});
